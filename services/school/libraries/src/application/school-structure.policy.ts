import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { admin, hq, identity } from '@hexfleet/schemas';
import type { LoanDefaultsCommandHandler } from './loan-defaults.command-handler';
import type { SchoolPatronsCommandHandler } from './school-patrons.command-handler';

type AdminFacts = Extract<
  admin.AdminStudentV1Event | admin.AdminGroupV1Event,
  { type: 'StudentEnrolled' | 'StudentWithdrawn' | 'TeacherAssigned' }
>;
type HqFacts = hq.HqGroupPolicyV1Event | Extract<hq.HqSchoolV1Event, { type: 'SchoolPolicySet' }>;
type IdentityFacts = Extract<identity.IdentityUserV1Event, { type: 'UserDeactivated' | 'UserReactivated' }>;

/**
 * The school's structure -> libraries (flow 4, ADRs 0044 and 0045), one consumer group per
 * source so a busy topic never holds another back: Admin's enrolments, withdrawals and
 * teacher assignments make and end patrons; HQ's group and school policies push the default
 * loan rule; identity's deactivation blocks the user's patrons, its reactivation lifts those
 * blocks. The rest of each topic passes by. The service definition lists the policies before
 * Nest builds the handlers, so they arrive later (the composition root's module, before the
 * runtime starts consuming).
 */
export function schoolStructurePolicies(
  handlers: { patrons: Later<SchoolPatronsCommandHandler>; defaults: Later<LoanDefaultsCommandHandler> },
  suffix = '',
): Policy[] {
  const { patrons, defaults } = handlers;
  const adminName = `libraries-admin${suffix}`;
  const hqName = `libraries-hq${suffix}`;
  const identityName = `libraries-identity${suffix}`;
  return [
    policy<AdminFacts>({
      name: adminName,
      topics: ['admin.student.v1', 'admin.group.v1'],
      on: {
        StudentEnrolled: (event) => patrons.get().studentEnrolled({ name: adminName }, event),
        StudentWithdrawn: (event) => patrons.get().studentWithdrawn({ name: adminName }, event),
        TeacherAssigned: (event) => patrons.get().teacherAssigned({ name: adminName }, event),
      },
    }),
    policy<HqFacts>({
      name: hqName,
      topics: ['hq.group-policy.v1', 'hq.school.v1'],
      on: {
        GroupPolicyPublished: (event) => defaults.get().groupPolicyPublished({ name: hqName }, event),
        SchoolPolicySet: (event) => defaults.get().schoolPolicySet({ name: hqName }, event),
      },
    }),
    policy<IdentityFacts>({
      name: identityName,
      topics: ['identity.user.v1'],
      on: {
        UserDeactivated: (event) => patrons.get().userDeactivated({ name: identityName }, event),
        UserReactivated: (event) => patrons.get().userReactivated({ name: identityName }, event),
      },
    }),
  ];
}
