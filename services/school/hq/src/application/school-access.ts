import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { hasRole, schoolsWhere } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';

/** The group's own administrators: they open and close schools, publish years and policies, run the rollover. */
export const HQ: readonly Role[] = ['hq-admin'];
/** Roles held in one school (identity grants them over a school or a group of it). */
export const SCHOOL_ROLES_SCOPED: readonly Role[] = ['school-admin', 'teacher', 'librarian', 'student', 'guardian'];

/** Which schools a caller may see: all of the tenant's, or the listed ones. */
export type Fence = { all: true } | { all: false; schoolIds: readonly string[] };

/**
 * HQ sees every school of its tenant; anyone else the schools their token's grants name
 * (a role granted over a school). A grant over a student group names no school here (the
 * group's school is Admin's to know), so it shows no school (ADR 0039).
 */
export function fenceOf(caller: Principal): Fence {
  if (hasRole(caller, ...HQ)) return { all: true };
  return { all: false, schoolIds: schoolsWhere(caller, ...SCHOOL_ROLES_SCOPED) };
}

export const maySee = (caller: Principal, schoolId: string) => {
  const fence = fenceOf(caller);
  return fence.all || fence.schoolIds.includes(schoolId);
};

/** A school outside the caller's fence is, for them, one that does not exist: 404, as for another tenant's. */
export function assertSees(caller: Principal, schoolId: string): void {
  if (!maySee(caller, schoolId)) throw new NotFoundException(`no school ${schoolId}`);
}

/** HQ, or the school's own admin. Anyone else who may see the school gets 403; the rest 404. */
export function assertAdministers(caller: Principal, schoolId: string): void {
  assertSees(caller, schoolId);
  if (!hasRole(caller, ...HQ) && !schoolsWhere(caller, 'school-admin').includes(schoolId))
    throw new ForbiddenException(`Only HQ or the school's admin may change school ${schoolId}`);
}
