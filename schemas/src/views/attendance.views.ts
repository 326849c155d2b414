// What Attendance's REST API answers (see hrms.views.ts for why these live with the contracts).

/**
 * One lesson of a day as a teacher's list shows it: `open` (nobody marked yet), `partial`,
 * `taken` (every student has a record), `withdrawn` (taken, then the lesson was cancelled),
 * `cancelled` (no lesson that day) or `holiday`.
 */
export interface DayRegisterView {
  registerId: string;
  sessionId: string;
  /** YYYY-MM-DD. */
  date: string;
  schoolId: string;
  groupId: string;
  subjectName: string;
  teacherUserId: string;
  room: string;
  /** HH:mm, the school's wall clock. */
  startTime: string;
  endTime: string;
  status: 'open' | 'partial' | 'taken' | 'withdrawn' | 'cancelled' | 'holiday';
  /** Why there is no lesson (a cancellation's reason, a holiday's name); null when there is one. */
  reason: string | null;
  /** Students with a record so far. */
  marked: number;
}

/** One student's line on a register. */
export interface RegisterLineView {
  studentId: string;
  rollNumber: number;
  firstName: string;
  lastName: string;
  /** Null while unmarked. */
  code: string | null;
  meaning: string | null;
  /** The code first marked, kept when corrected. */
  originalCode: string | null;
  corrected: boolean;
  /** What "all present" will mark for this student while unmarked, when not present: a school event's excused code. */
  prefillCode: string | null;
  /** Why: the school event's title. */
  prefillReason: string | null;
}

export interface AttendanceCodeView {
  code: string;
  label: string;
  meaning: string;
}

/** A register as the teacher takes it: every student in the group that day, and what may be marked. */
export interface RegisterView {
  registerId: string;
  sessionId: string;
  date: string;
  schoolId: string;
  groupId: string;
  subjectName: string;
  status: 'open' | 'partial' | 'taken' | 'withdrawn';
  /** The first day only corrections with a reason change it. */
  lockedOn: string;
  locked: boolean;
  codes: AttendanceCodeView[];
  lines: RegisterLineView[];
}

/** Records over a date range, by meaning, with the rate: attended (present, late, left-early) / all but excused. */
export interface AttendanceTotalsView {
  records: number;
  present: number;
  late: number;
  leftEarly: number;
  absent: number;
  excused: number;
  /** Whole percent with two decimals; null when nothing counts. */
  attendancePercent: number | null;
  absencePercent: number | null;
}

export interface StudentReportView extends AttendanceTotalsView {
  studentId: string;
  from: string;
  to: string;
}

export interface GroupReportLineView extends AttendanceTotalsView {
  studentId: string;
}

/** One group's line of a school report. */
export interface SchoolReportGroupView extends AttendanceTotalsView {
  groupId: string;
}

/** One day's line of a school report: every lesson marked that day. */
export interface SchoolReportDayView extends AttendanceTotalsView {
  /** YYYY-MM-DD. */
  date: string;
}

/** A school's attendance over a range: in all, per group and per day (days with records only). */
export interface SchoolReportView {
  schoolId: string;
  from: string;
  to: string;
  totals: AttendanceTotalsView;
  groups: SchoolReportGroupView[];
  days: SchoolReportDayView[];
}

export interface GroupReportView {
  groupId: string;
  from: string;
  to: string;
  totals: AttendanceTotalsView;
  students: GroupReportLineView[];
}
