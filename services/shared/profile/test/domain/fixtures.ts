import { profile } from '@hexfleet/schemas';
import type { Role } from '@hexfleet/schemas';
import type { Actor, ProfileFields } from '../../src/domain';

export const NOW = '2026-03-02T09:00:00.000Z';
export const meta = (now = NOW) => ({ metadata: { now } });

export const USER = '018f3a2e-7b1c-7d00-8a00-000000000001';
export const STRANGER = '018f3a2e-7b1c-7d00-8a00-000000000003';
export const MOTHER = '018f3a2e-7b1c-7d00-8a00-0000000000f1';
export const FATHER = '018f3a2e-7b1c-7d00-8a00-0000000000f2';
export const AUNT = '018f3a2e-7b1c-7d00-8a00-0000000000f3';
export const ADMIN_ID = '018f3a2e-7b1c-7d00-8a00-000000000002';
export const EMPLOYEE = '018f3a2e-7b1c-7d00-8a00-0000000000c1';
export const STUDENT = '018f3a2e-7b1c-7d00-8a00-0000000000d1';

export const system: Actor = { type: 'system' };
export const person = (userId: string, ...roles: Role[]): Actor => ({ type: 'person', userId, roles });
export const self = person(USER, 'employee');
export const hr = person(ADMIN_ID, 'hr');
export const schoolAdmin = person(ADMIN_ID, 'school-admin');

export const employeeProfile = profile.profileCreated({
  userId: USER,
  product: 'business',
  fullName: 'Ana Silva',
  email: 'ana@acme.test',
  employeeId: EMPLOYEE,
  createdAt: NOW,
});

export const studentProfile = profile.profileCreated({
  userId: USER,
  product: 'school',
  fullName: 'Kid Silva',
  email: 'kid@school.test',
  studentId: STUDENT,
  createdAt: NOW,
});

export const initialFields = (fullName: string, email: string): ProfileFields => ({
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
});

export const updated = (fields: ProfileFields, changedFields: string[], updatedBy: string | null, updatedAt = NOW) =>
  profile.profileUpdated({ userId: USER, changedFields, ...fields, updatedBy, updatedAt });

export const guardianLinked = (guardianUserId: string, primary: boolean, relationship = 'mother') =>
  profile.guardianLinked({
    studentUserId: USER,
    guardianUserId,
    relationship,
    primary,
    linkedBy: ADMIN_ID,
    linkedAt: NOW,
  });

/** A student profile with a birth date on file, as the admin would have entered it. */
export const bornOn = (birthDate: string) =>
  updated({ ...initialFields('Kid Silva', 'kid@school.test'), birthDate }, ['birthDate'], ADMIN_ID);
