import { DomainError } from '@hexfleet/kernel';
import type { admin } from '@hexfleet/schemas';
import type { Guardian, StudentRecord, StudentState } from './student.types';

/** What a row of an import still has to do for its student. */
export type RowWork = 'admit' | 'enrol' | 'unchanged';

const PERSON = ['schoolId', 'admissionNumber', 'firstName', 'lastName', 'birthDate', 'gender', 'email'] as const;
const GUARDIAN = ['name', 'relationship', 'email', 'phone', 'primary'] as const;

const sameGuardians = (a: readonly Guardian[], b: readonly Guardian[]) =>
  a.length === b.length && a.every((g, i) => GUARDIAN.every((k) => g[k] === b[i][k]));

/** The same person with the same guardians (the day of admission aside): a row seen before. */
const samePerson = (known: StudentRecord, row: admin.StudentAdmittedData) =>
  PERSON.every((k) => known[k] === row[k]) && sameGuardians(known.guardians, row.guardians);

/**
 * The same file imported twice changes nothing: a row whose admission number is taken by
 * the same person, already enrolled for the year in the row's group, is `unchanged`; an
 * admitted one is only enrolled. Anything else about a taken number is refused, never merged.
 */
export function rowWork(
  state: StudentState,
  row: admin.StudentAdmittedData,
  target: { yearId: string; groupId: string },
): RowWork {
  if (state.status === 'none') return 'admit';
  if (!samePerson(state.student, row))
    throw new DomainError('admission-number-taken', { field: 'admissionNumber', admissionNumber: row.admissionNumber });
  if (state.status === 'withdrawn') throw new DomainError('student-withdrawn', { withdrawnOn: state.withdrawnOn });
  if (state.status === 'admitted') return 'enrol';
  const { yearId, groupId } = state.enrolment;
  if (yearId === target.yearId && groupId === target.groupId) return 'unchanged';
  throw new DomainError('student-already-enrolled', { yearId, groupId });
}
