import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

export interface Range {
  from: string;
  to: string;
}

/** The read model `attendance-registers`: a day's lessons, and records summed for reports. */
export interface RegisterBook {
  /** The lessons of `teacherUserId` on `date`, by start time. */
  day(tenant: TenantId, teacherUserId: string, date: string): Promise<views.attendance.DayRegisterView[]>;
  /** A student's records in the range, only in `schoolIds` when given. */
  student(
    tenant: TenantId,
    studentId: string,
    range: Range,
    schoolIds: readonly string[] | null,
  ): Promise<views.attendance.AttendanceTotalsView>;
  /** A group's records in the range, per student and in all. */
  group(
    tenant: TenantId,
    groupId: string,
    range: Range,
  ): Promise<Omit<views.attendance.GroupReportView, 'groupId' | 'from' | 'to'>>;
  /** A school's records in the range, in all, per group and per day. */
  school(
    tenant: TenantId,
    schoolId: string,
    range: Range,
  ): Promise<Omit<views.attendance.SchoolReportView, 'schoolId' | 'from' | 'to'>>;
  /** The group's first lesson on `date` that is not cancelled, by start time; null when it has none. */
  firstLesson(
    tenant: TenantId,
    groupId: string,
    date: string,
  ): Promise<{ sessionId: string; subjectName: string; startTime: string } | null>;
  /** The school a group belongs to, as its sessions say; undefined for a group with none. */
  schoolOfGroup(tenant: TenantId, groupId: string): Promise<string | undefined>;
}

export const REGISTER_BOOK = Symbol('RegisterBook');
