import { NotFoundException } from '@nestjs/common';
import { reachesSchool } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';

/** Who sets a school up, admits, enrols and schedules: its admins, and HQ for every school. */
export const WRITERS: readonly Role[] = ['school-admin', 'hq-admin'];
/** Who reads student records and group lists: the school's staff. */
export const STAFF: readonly Role[] = ['school-admin', 'hq-admin', 'teacher', 'librarian'];
/** Who reads a school's structure and timetables: anyone with a role in it. */
export const MEMBERS: readonly Role[] = [...STAFF, 'student', 'guardian'];

/**
 * The school fence (ADR 0039): `hq-admin`, granted over the tenant, reaches every school; a
 * school grant its school; a group grant (a teacher or student of one group) that group only.
 * Anything beyond the caller's reach does not exist for them: 404, as another tenant's would not.
 */
export const reaches = (caller: Principal, roles: readonly Role[], schoolId: string, groupId?: string): boolean =>
  reachesSchool(caller, roles, schoolId, groupId);

export function mustReach(
  caller: Principal,
  roles: readonly Role[],
  what: string,
  at: { schoolId: string; groupId?: string },
): void {
  if (!reaches(caller, roles, at.schoolId, at.groupId)) throw new NotFoundException(`no ${what}`);
}

/** A write to a school: only its writers see it at all. */
export const mustWrite = (caller: Principal, schoolId: string, what = `school ${schoolId}`) =>
  mustReach(caller, WRITERS, what, { schoolId });
