import { NotFoundException } from '@nestjs/common';
import { reachesSchool } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';

/** Who takes and corrects registers: the school's teachers and admins, and HQ. */
export const MARKERS: readonly Role[] = ['teacher', 'school-admin', 'hq-admin'];
/** Who reads registers and reports: the school's staff. */
export const STAFF: readonly Role[] = ['teacher', 'school-admin', 'hq-admin', 'librarian'];

/**
 * The school fence, as Admin's (ADR 0039, 0041): `hq-admin` reaches every school of the tenant,
 * a school grant its school, a group grant (a class teacher of one group) that group. Beyond
 * it a register or report does not exist: 404, as another tenant's.
 */
export const reaches = reachesSchool;

export function mustReach(
  caller: Principal,
  roles: readonly Role[],
  what: string,
  at: { schoolId: string; groupId?: string },
): void {
  if (!reaches(caller, roles, at.schoolId, at.groupId)) throw new NotFoundException(`no ${what}`);
}
