import {
  type GuardianLink,
  type ProfileCommand,
  profileDecider,
  type ProfileEvent,
  type ProfileState,
  type SchoolRecord,
  type StudentLinkEvent,
  type StudentLinkState,
} from '../domain';
import { after } from './placement';

/** What the student-link stream says that the profile should show: all of it, or what was just noted. */
export interface StudentFacts {
  record: SchoolRecord | null;
  guardians: readonly GuardianLink[];
}

/** Everything the link knows: for a profile that has just come to exist. */
export const allFacts = (link: StudentLinkState): StudentFacts =>
  link.status === 'known' ? { record: link.record, guardians: link.guardians } : { record: null, guardians: [] };

/**
 * Only what `noted` adds: facts applied before stay as a person may have changed them since
 * (an admin unlinks a guardian, moves the primary role) and are not written again.
 */
export function newFacts(link: StudentLinkState, noted: readonly StudentLinkEvent[]): StudentFacts {
  const guardians = noted.flatMap((e) => (e.type === 'StudentGuardianNoted' ? [e.data] : []));
  const record = noted.some((e) => e.type === 'StudentRecordNoted') && link.status === 'known' ? link.record : null;
  return { record, guardians };
}

/**
 * Admin's admission number and class and identity's guardian accounts written on a student's profile by
 * the system actor (ADR 0047). The first guardian linked is primary (the profile's rule); when
 * Admin's primary guardian comes later, the primary role moves to them, so the links end the
 * same whichever guardianship arrived first. Nothing for a profile that does not exist, is
 * archived, or is not a student's.
 */
export function studentFactsOnProfile(
  profile: ProfileState,
  facts: StudentFacts,
  metadata: { now: string },
): ProfileEvent[] {
  if (profile.status !== 'active' || profile.studentId === null || profile.product !== 'school') return [];
  const actor = { type: 'system' as const };
  const events: ProfileEvent[] = [];
  let state: ProfileState = profile;
  const decide = (command: ProfileCommand) => {
    const decided = profileDecider.decide(command, state);
    state = after(profileDecider.evolve, state, decided);
    events.push(...decided);
  };
  if (facts.record) {
    const { admissionNumber, className } = facts.record;
    // A class not known yet leaves the field as it is (an admin may have set it).
    const changes = { admissionNumber, ...(className !== null && { className }) };
    decide({ type: 'UpdateProfile', data: { actor, changes }, metadata });
  }
  // Admin's primary first: then the profile's first-link-is-primary rule agrees with Admin.
  const guardians = [...facts.guardians].sort((a, b) => Number(b.primary) - Number(a.primary));
  for (const guardian of guardians) {
    const { guardianUserId, relationship } = guardian;
    if (linkOf(state, guardianUserId)) continue;
    decide({ type: 'LinkGuardian', data: { actor, guardianUserId, relationship, primary: false }, metadata });
    if (guardian.primary && !linkOf(state, guardianUserId)?.primary)
      decide({ type: 'ChangePrimaryGuardian', data: { actor, guardianUserId }, metadata });
  }
  return events;
}

const linkOf = (state: ProfileState, guardianUserId: string) =>
  state.status === 'none' ? undefined : state.guardians.find((g) => g.guardianUserId === guardianUserId);
