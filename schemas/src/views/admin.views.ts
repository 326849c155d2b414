// What Admin's REST API answers (see hrms.views.ts for why these live with the contracts).

export interface TermView {
  termId: string;
  yearId: string;
  schoolId: string;
  name: string;
  /** YYYY-MM-DD, both included. */
  startDate: string;
  endDate: string;
}

/** A school's academic year with its terms, in date order. */
export interface AcademicYearView {
  yearId: string;
  schoolId: string;
  name: string;
  startDate: string;
  endDate: string;
  /** The HQ template it was opened from; null when the school opened it. */
  templateId: string | null;
  terms: TermView[];
}

export interface SubjectView {
  subjectId: string;
  schoolId: string;
  code: string;
  name: string;
}

/** Who teaches a group what; subjectId null is the class teacher. */
export interface GroupTeacherView {
  subjectId: string | null;
  subjectName: string | null;
  teacherUserId: string;
  teacherName: string;
  teacherEmail: string | null;
  /** ISO-8601 UTC instant. */
  assignedAt: string;
}

/** A student group (a section of a grade) of one academic year. */
export interface GroupView {
  groupId: string;
  schoolId: string;
  yearId: string;
  grade: string;
  section: string;
  name: string;
  capacity: number;
  /** Students in it now. */
  members: number;
  teachers: GroupTeacherView[];
}

/** A student in a group's list, by roll number. */
export interface GroupMemberView {
  groupId: string;
  studentId: string;
  rollNumber: number;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  /** ISO-8601 UTC instant. */
  addedAt: string;
}

export interface GuardianView {
  name: string;
  relationship: string;
  email: string | null;
  phone: string | null;
  primary: boolean;
}

export type StudentStatus = 'admitted' | 'enrolled' | 'withdrawn';

/** A student's record: admission, guardians, and the enrolment they are in. */
export interface StudentView {
  studentId: string;
  schoolId: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string | null;
  email: string | null;
  guardians: GuardianView[];
  status: StudentStatus;
  yearId: string | null;
  groupId: string | null;
  rollNumber: number | null;
  admittedOn: string;
  enrolledOn: string | null;
  withdrawnOn: string | null;
}

/** A class session as scheduled: a weekly pattern inside a term. */
export interface ClassSessionView {
  sessionId: string;
  termId: string;
  schoolId: string;
  yearId: string;
  groupId: string;
  subjectId: string;
  subjectName: string;
  teacherUserId: string;
  room: string;
  firstDate: string;
  lastDate: string;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  /** HH:mm, wall clock in the school's zone. */
  startTime: string;
  endTime: string;
  /** True when the whole session was cancelled. */
  cancelled: boolean;
  /** Days whose lesson was cancelled, in order. */
  cancelledDates: string[];
}

/** One lesson on one day: what a timetable of a group, teacher or room shows. */
export interface LessonView {
  date: string;
  sessionId: string;
  termId: string;
  groupId: string;
  subjectId: string;
  subjectName: string;
  teacherUserId: string;
  room: string;
  startTime: string;
  endTime: string;
  /** True when this day's lesson (or its whole session) was cancelled. */
  cancelled: boolean;
}

/** Why one row of a CSV import was refused (nothing of it was written). */
export interface ImportRowErrorView {
  /** The row's line in the file; the header is line 1. */
  line: number;
  admissionNumber: string;
  /** The CSV column at fault; empty when the row as a whole is. */
  field: string;
  code: string;
  message: string;
}

/** A CSV import of students: how far it has got, and the rows it refused. */
export interface StudentImportView {
  importId: string;
  schoolId: string;
  yearId: string;
  enrolledOn: string;
  fileName: string;
  status: 'running' | 'completed';
  rows: number;
  processed: number;
  admitted: number;
  unchanged: number;
  refused: number;
  /** ISO-8601 UTC instants. */
  startedAt: string;
  completedAt: string | null;
  /** The refused rows by line. */
  errors: ImportRowErrorView[];
}
