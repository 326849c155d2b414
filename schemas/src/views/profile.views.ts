import type {
  GuardianLinkedData,
  PreferencesChangedData,
  Product,
  ProfileUpdatedData,
} from '../contracts/profile.contracts';

// What Profile's REST API answers (see hrms.views.ts for why these live with the contracts).

/** What staff see of anyone in the tenant: the directory card. */
export interface ProfileCard {
  userId: string;
  product: string;
  status: string;
  fullName: string;
  preferredName: string | null;
  avatarUrl: string | null;
  department: string | null;
  designation: string | null;
  className: string | null;
}

/** The fields a person (or HR, an admin) edits: every editable field of `ProfileUpdated`. */
export type ProfileFields = Omit<ProfileUpdatedData, 'userId' | 'changedFields' | 'updatedBy' | 'updatedAt'>;

/** Language, time zone and notification channels; null for the tenant's default. */
export type Preferences = Pick<PreferencesChangedData, 'language' | 'timeZone' | 'notifications'>;

/** A guardian linked to a student's profile. */
export type GuardianLink = Pick<GuardianLinkedData, 'guardianUserId' | 'relationship' | 'primary'>;

/** A student the person is a guardian of. */
export interface GuardianOf {
  studentUserId: string;
  relationship: string;
  primary: boolean;
}

/** All of a profile: what the person, admins, HR and a minor's guardians see (`GET /profiles/me`, `/{userId}`). */
export type ProfileView = ProfileFields & {
  userId: string;
  product: Product;
  status: 'active' | 'archived';
  employeeId: string | null;
  studentId: string | null;
  preferences: Preferences;
  guardians: GuardianLink[];
  guardianOf: GuardianOf[];
  createdAt: string;
};
