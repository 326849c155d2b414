// The profile domain: one profile per user, with guardian links on the student's profile.
export type { Actor } from './actor';
export { ADMIN_ROLES, HR_ROLES, SCHOOL_ADMIN_ROLES } from './actor';
export { ADULT_AGE, ageOn, isMinor } from './age';
export type { Command } from './command';
export { employeeLinkDecider } from './employee-link.decider';
export type { EmployeeLinkCommand, EmployeeLinkEvent, EmployeeLinkState, Placement } from './employee-link.decider';
export type { PreferenceChanges } from './preferences';
export { profileDecider } from './profile.decider';
export type { ProfileCommand } from './profile.decider';
export type { ProfileChanges } from './profile-fields';
export type {
  GuardianLink,
  Preferences,
  ProfileData,
  ProfileEvent,
  ProfileFields,
  ProfileState,
} from './profile.state';
export { studentLinkDecider } from './student-link.decider';
export type { SchoolRecord, StudentLinkCommand, StudentLinkEvent, StudentLinkState } from './student-link.decider';
export { schoolGroupDecider } from './school-group.decider';
export type { SchoolGroupCommand, SchoolGroupEvent, SchoolGroupState } from './school-group.decider';
