import type { admin } from '@hexfleet/schemas';
import type { Command } from './command';
import type { DateSpan } from './rules';

/** Stream `<tenant>/student/<studentId>`, topic admin.student.v1. */
export type StudentEvent = admin.AdminStudentV1Event;

export type Guardian = admin.Guardian;

/** A guardian as a request gives them: email or phone may be left out. */
export type GuardianInput = Omit<Guardian, 'email' | 'phone'> & { email?: string | null; phone?: string | null };

export interface Admission {
  studentId: string;
  schoolId: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender?: string | null;
  email?: string | null;
  guardians: GuardianInput[];
  admittedOn: string;
  importId?: string | null;
}

/** A year as the school calendar has it: enrolment and promotion check against it. */
export interface YearFacts extends DateSpan {
  yearId: string;
  schoolId: string;
}

/** A group as its stream has it, for a student's move into it. */
export interface GroupFacts {
  groupId: string;
  schoolId: string;
  yearId: string;
}

/** A seat the group decided on: the group and the roll number it gives. */
export interface Placement extends GroupFacts {
  rollNumber: number;
}

export type AdmitStudent = Command<'AdmitStudent', Admission>;
export type EnrolStudent = Command<
  'EnrolStudent',
  { year: YearFacts; enrolledOn: string; placement: Placement | null }
>;
export type ChangeGroup = Command<'ChangeGroup', { placement: Placement }>;
export type WithdrawStudent = Command<'WithdrawStudent', { reason: string; withdrawnOn: string }>;
export type PromoteStudent = Command<
  'PromoteStudent',
  { fromYear: YearFacts; toYear: YearFacts; placement: Placement; rolloverId?: string | null }
>;
export type StudentCommand = AdmitStudent | EnrolStudent | ChangeGroup | WithdrawStudent | PromoteStudent;

/** What the school knows of an admitted student, as StudentAdmitted recorded it. */
export type StudentRecord = Omit<admin.StudentAdmittedData, 'admittedAt' | 'importId'>;

export interface Enrolment {
  yearId: string;
  groupId: string | null;
  rollNumber: number | null;
}

export type StudentState =
  | { status: 'none' }
  | { status: 'admitted'; student: StudentRecord }
  | { status: 'enrolled'; student: StudentRecord; enrolment: Enrolment }
  | { status: 'withdrawn'; student: StudentRecord; withdrawnOn: string };

/** What a group needs to know of a student joining it. */
export interface StudentFacts {
  studentId: string;
  schoolId: string;
  status: StudentState['status'];
  yearId: string | null;
  admissionNumber: string;
  firstName: string;
  lastName: string;
}
