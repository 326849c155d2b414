import { assertNever } from '@hexfleet/kernel';
import type { profile } from '@hexfleet/schemas';

export type ProfileEvent = profile.ProfileProfileV1Event;

/** The fields a ProfileUpdated carries, all of them, after the change. */
export type ProfileFields = Omit<profile.ProfileUpdatedData, 'userId' | 'changedFields' | 'updatedBy' | 'updatedAt'>;
export type Preferences = Pick<profile.PreferencesChangedData, 'language' | 'timeZone' | 'notifications'>;

export interface GuardianLink {
  guardianUserId: string;
  relationship: string;
  primary: boolean;
}

export interface ProfileData {
  userId: string;
  product: profile.Product;
  studentId: string | null;
  fields: ProfileFields;
  preferences: Preferences;
  guardians: GuardianLink[];
}

/**
 * Stream `<tenant>/profile/<userId>`. Its version guards "one profile per
 * user" (created once, on UserRegistered) and the student's guardian set
 * (at least one once linked, exactly one primary): links live on the
 * student's stream, so a concurrent unlink of the two last guardians conflicts.
 */
export type ProfileState = { status: 'none' } | ({ status: 'active' | 'archived' } & ProfileData);

const DEFAULT_PREFERENCES: Preferences = {
  language: null,
  timeZone: null,
  notifications: { email: true, sms: false, push: true },
};

export function evolveProfile(state: ProfileState, event: ProfileEvent): ProfileState {
  if (event.type === 'ProfileCreated') {
    const { userId, product, fullName, email, studentId } = event.data;
    const fields: ProfileFields = {
      fullName,
      preferredName: null,
      avatarUrl: null,
      birthDate: null,
      emails: [{ address: email, label: 'login' }],
      phones: [],
      address: null,
      emergencyContacts: [],
      department: null,
      designation: null,
      admissionNumber: null,
      className: null,
    };
    return { status: 'active', userId, product, studentId, fields, preferences: DEFAULT_PREFERENCES, guardians: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProfileUpdated': {
      const { userId: _u, changedFields: _c, updatedBy: _b, updatedAt: _a, ...fields } = event.data;
      return { ...state, fields };
    }
    case 'PreferencesChanged': {
      const { language, timeZone, notifications } = event.data;
      return { ...state, preferences: { language, timeZone, notifications } };
    }
    case 'GuardianLinked': {
      const { guardianUserId, relationship, primary } = event.data;
      return { ...state, guardians: [...state.guardians, { guardianUserId, relationship, primary }] };
    }
    case 'GuardianUnlinked':
      return { ...state, guardians: state.guardians.filter((g) => g.guardianUserId !== event.data.guardianUserId) };
    case 'PrimaryGuardianChanged':
      return {
        ...state,
        guardians: state.guardians.map((g) => ({ ...g, primary: g.guardianUserId === event.data.guardianUserId })),
      };
    case 'ProfileArchived':
      return { ...state, status: 'archived' };
    case 'ProfileRestored':
      return { ...state, status: 'active' };
    default:
      return assertNever(event);
  }
}
