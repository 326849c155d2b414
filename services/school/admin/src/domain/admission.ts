import { DomainError } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import { optionalEmail, optionalText, requireDate, requireText } from './rules';
import type { AdmitStudent, Guardian, GuardianInput } from './student.types';

/** Letters and digits, then also - / . : ADM-2026/001. */
export const ADMISSION_NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-/.]{0,31}$/;
export const GENDERS = ['female', 'male', 'other'] as const;
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;
export const MAX_GUARDIANS = 4;

function guardian(g: GuardianInput, index: number): Guardian {
  const at = (field: string) => `guardians[${index}].${field}`;
  const email = optionalEmail(g.email, at('email'));
  const phone = g.phone === null || g.phone === undefined || g.phone.trim() === '' ? null : g.phone.trim();
  if (phone !== null && !PHONE.test(phone)) throw new DomainError('invalid-phone', { field: at('phone') });
  if (email === null && phone === null) throw new DomainError('guardian-contact-required', { field: at('email') });
  return {
    name: requireText(g.name, at('name'), 100),
    relationship: requireText(g.relationship, at('relationship'), 40).toLowerCase(),
    email,
    phone,
    primary: g.primary === true,
  };
}

/** A student has 1 to 4 guardians, exactly one of them primary; the primary one comes first. */
function guardians(list: readonly GuardianInput[]): Guardian[] {
  if (list.length === 0) throw new DomainError('guardian-required', { field: 'guardians' });
  if (list.length > MAX_GUARDIANS) throw new DomainError('too-many-guardians', { maxGuardians: MAX_GUARDIANS });
  const checked = list.map(guardian);
  const primaries = checked.filter((g) => g.primary).length;
  if (primaries !== 1) throw new DomainError('one-primary-guardian-required', { primaries });
  return [...checked.filter((g) => g.primary), ...checked.filter((g) => !g.primary)];
}

/** StudentAdmitted for a valid admission, or the first rule it breaks, naming the field. */
export function admit({ data, metadata }: AdmitStudent): admin.StudentAdmitted {
  const admissionNumber = requireText(data.admissionNumber, 'admissionNumber', 32);
  if (!ADMISSION_NUMBER.test(admissionNumber)) throw new DomainError('invalid-admission-number', { admissionNumber });
  const birthDate = requireDate(data.birthDate, 'birthDate');
  const admittedOn = requireDate(data.admittedOn, 'admittedOn');
  if (birthDate >= admittedOn) throw new DomainError('birth-date-not-before-admission', { birthDate, admittedOn });
  const gender = data.gender ? data.gender.trim().toLowerCase() : null;
  if (gender !== null && !(GENDERS as readonly string[]).includes(gender))
    throw new DomainError('invalid-gender', { field: 'gender', allowed: GENDERS });
  return admin.studentAdmitted({
    studentId: data.studentId,
    schoolId: data.schoolId,
    admissionNumber,
    firstName: requireText(data.firstName, 'firstName', 100),
    lastName: optionalText(data.lastName, 'lastName', 100),
    birthDate,
    gender,
    email: optionalEmail(data.email, 'email'),
    guardians: guardians(data.guardians),
    admittedOn,
    importId: data.importId ?? null,
    admittedAt: metadata.now,
  });
}
