import type {
  AbsenceThresholds,
  AcademicYearPublishedData,
  AttendanceCode,
  GroupPolicyPublishedData,
  LoanRuleDefaults,
  SchoolOpenedData,
  StudentTransferredData,
} from '../contracts/hq.contracts';

// What HQ's REST API answers (see hrms.views.ts for why these live with the contracts).

export type SchoolStatus = 'open' | 'closed';

/** A school of the group as the directory shows it. */
export interface SchoolView extends Pick<
  SchoolOpenedData,
  'schoolId' | 'code' | 'name' | 'timeZone' | 'principalUserId' | 'openedAt'
> {
  status: SchoolStatus;
  /** The academic year the school is in since its last rollover; null before any. */
  currentYearId: string | null;
  closedAt: string | null;
  closeReason: string | null;
}

export interface SchoolPage {
  items: SchoolView[];
  total: number;
  limit: number;
  offset: number;
}

/** The group's policy, as last published. */
export type GroupPolicyView = Omit<GroupPolicyPublishedData, never>;

/** Where an area of a school's effective policy comes from: its own setting, the group's, or neither yet. */
export type PolicySource = 'school' | 'group' | 'none';

export interface EffectiveLoanRules {
  value: LoanRuleDefaults | null;
  source: PolicySource;
}
export interface EffectiveAttendanceCodes {
  value: AttendanceCode[] | null;
  source: PolicySource;
}
export interface EffectiveAbsenceThresholds {
  value: AbsenceThresholds | null;
  source: PolicySource;
}
export interface EffectiveRegisterLockDays {
  value: number | null;
  source: PolicySource;
}

/** The policy a school works under: per area, its own setting when it has one, else the group's. */
export interface EffectivePolicyView {
  schoolId: string;
  /** The group policy version this was computed with; null before the group published one. */
  groupPolicyVersion: number | null;
  loanRules: EffectiveLoanRules;
  attendanceCodes: EffectiveAttendanceCodes;
  absenceThresholds: EffectiveAbsenceThresholds;
  /** Days after its day a register locks (ADR 0055); `none`: attendance's own default. */
  registerLockDays: EffectiveRegisterLockDays;
  /** When either input last changed. ISO-8601 UTC instant. */
  updatedAt: string;
}

/** An academic-year template as published. */
export type AcademicYearView = Omit<AcademicYearPublishedData, 'publishedBy'>;

/** One point of a dashboard series: the period's first day (a day, or a week's Monday) and its value. */
export interface SeriesPoint {
  period: string;
  value: number;
}

/**
 * Registers' records in one period (Attendance's AttendanceMarked and AttendanceCorrected; a
 * withdrawn register's records left out): attended (present, late, left early), absent, excused,
 * and the attendance rate, attended over every record but excused, in percent to two decimals
 * (null when nothing counted), as Attendance's own reports count it.
 */
export interface AttendancePoint {
  period: string;
  attended: number;
  absent: number;
  excused: number;
  attendancePercent: number | null;
}

/** A dashboard for one school or the whole group: each measure as a series a chart can draw. */
export interface DashboardView {
  /** The school, or null for the group (every school the caller may see). */
  schoolId: string | null;
  from: string;
  to: string;
  interval: 'day' | 'week';
  /** Loans reported overdue (LoanOverdue): per day the loans overdue that day; per week the loans overdue in it. */
  overdueLoans: SeriesPoint[];
  /** Published, not cancelled, events starting in each period (EventScheduled, EventPublished, ...). */
  upcomingEvents: SeriesPoint[];
  /** Students enrolled in each period, on the enrolment's first day (Admin's StudentEnrolled). */
  enrolments: SeriesPoint[];
  /** Students withdrawn in each period, on their last day at school (Admin's StudentWithdrawn). */
  withdrawals: SeriesPoint[];
  /** Register records per period and the attendance rate (Attendance's registers). */
  attendance: AttendancePoint[];
  /** The attendance rate over the whole range, in percent to two decimals; null when nothing counted. */
  attendancePercent: number | null;
  /** Students recorded absent (StudentAbsent) at least once in each period, while the record stands. */
  absentStudents: SeriesPoint[];
}

/** One move between schools of the group. */
export type TransferView = Pick<
  StudentTransferredData,
  'transferId' | 'fromSchoolId' | 'toSchoolId' | 'effectiveDate' | 'reason' | 'transferredAt'
>;

/** A student's home school as HQ knows it, with the moves that led there. */
export interface StudentHomeView {
  studentId: string;
  homeSchoolId: string;
  /** The day the student started there. YYYY-MM-DD. */
  since: string;
  transfers: TransferView[];
}

/** The school a member of staff works in as HQ knows it, with their roles and moves. */
export interface StaffPlacementView {
  userId: string;
  schoolId: string;
  roles: string[];
  since: string;
  transfers: TransferView[];
}

/** Where one school is in a rollover: done, still to do, or left out because it closed meanwhile. */
export interface RolloverSchoolView {
  schoolId: string;
  state: 'rolled-over' | 'pending' | 'skipped';
}

/** A year-end rollover and how far it got: a stopped one resumes where it stopped. */
export interface RolloverView {
  fromYearId: string;
  toYearId: string;
  status: 'started' | 'completed';
  schools: RolloverSchoolView[];
}
