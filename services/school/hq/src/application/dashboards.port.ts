import type { TenantId } from '@hexfleet/kernel';
import type { AttendanceCounts, Interval, Point } from '../domain';
import type { Fence } from './school-access';

export interface SeriesQuery {
  fence: Fence;
  from: string;
  to: string;
  interval: Interval;
}

/** Counts per period for the dashboards: the read model `hq-dashboard` (periods with nothing are left out). */
export interface Dashboards {
  overdueLoans(tenant: TenantId, query: SeriesQuery): Promise<Point[]>;
  upcomingEvents(tenant: TenantId, query: SeriesQuery): Promise<Point[]>;
  /** Students enrolled (StudentEnrolled), on the enrolment's first day. */
  enrolments(tenant: TenantId, query: SeriesQuery): Promise<Point[]>;
  /** Students withdrawn (StudentWithdrawn), on their last day at school. */
  withdrawals(tenant: TenantId, query: SeriesQuery): Promise<Point[]>;
  /** Register records by how they count (Attendance's AttendanceMarked, corrected; withdrawn registers left out). */
  attendance(tenant: TenantId, query: SeriesQuery): Promise<AttendanceCounts[]>;
  /** Students with an absence that stands (StudentAbsent, not corrected away, register not withdrawn). */
  absentStudents(tenant: TenantId, query: SeriesQuery): Promise<Point[]>;
}

export const DASHBOARDS = Symbol('Dashboards');
