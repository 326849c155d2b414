import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** Whose lessons: one of a group, a teacher or a room, in a school, over some days. */
export type LessonFilter = { schoolId: string; from: string; to: string } & (
  { groupId: string } | { teacherUserId: string } | { room: string }
);

/** Class sessions and their lessons day by day: the read model `admin-timetable`. */
export interface Timetable {
  sessions(tenant: TenantId, schoolId: string, termId: string): Promise<views.admin.ClassSessionView[]>;
  lessons(tenant: TenantId, filter: LessonFilter): Promise<views.admin.LessonView[]>;
}

export const TIMETABLE = Symbol('Timetable');
