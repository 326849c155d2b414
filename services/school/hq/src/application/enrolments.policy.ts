import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { admin } from '@hexfleet/schemas';
import type { StudentHomesCommandHandler } from './student-homes.command-handler';

/** The Admin event HQ reacts to; the rest of admin.student.v1 passes by (the dashboard projects them). */
export type StudentEnrolled = Extract<admin.AdminStudentV1Event, { type: 'StudentEnrolled' }>;

/**
 * Admin -> HQ (flow 4): StudentEnrolled records the student's home school, which a transfer
 * must then start from. The definition lists the policy before Nest builds the handler, so
 * the composition root's module hands it over.
 */
export function enrolmentsPolicy(homes: Later<StudentHomesCommandHandler>, suffix = ''): Policy {
  const name = `hq-enrolments${suffix}`;
  return policy<StudentEnrolled>({
    name,
    topics: ['admin.student.v1'],
    on: {
      StudentEnrolled: (event) => homes.get().enrolled({ name }, event),
    },
  });
}
