import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { admin } from '@hexfleet/schemas';
import type { FactsCommandHandler } from './facts.command-handler';

const ADMIN_POLICY = 'attendance-admin';

type AdminFacts =
  | admin.AdminTimetableV1Event
  | Extract<admin.AdminGroupV1Event, { type: 'StudentAddedToGroup' | 'StudentRemovedFromGroup' }>
  | Extract<admin.AdminStudentV1Event, { type: 'StudentEnrolled' | 'StudentWithdrawn' }>;

/**
 * Admin's timetable and groups -> attendance's sessions (registers are their occurrences) and
 * rosters with the days each student is in a group (flow 5). Enrolments and moves reach the
 * groups' topic too (ADR 0041), but StudentAddedToGroup says only when it was typed in:
 * StudentEnrolled gives the enrolment's first day, from which the student is in the group (an
 * import typed in today of a class enrolled since June, ADR 0056); StudentWithdrawn gives the last
 * day at school. StudentGroupChanged adds nothing here.
 */
export function adminPolicy(facts: Later<FactsCommandHandler>, suffix = ''): Policy {
  const name = `${ADMIN_POLICY}${suffix}`;
  return policy<AdminFacts>({
    name,
    topics: ['admin.timetable.v1', 'admin.group.v1', 'admin.student.v1'],
    on: {
      ClassSessionScheduled: (event) => facts.get().sessionScheduled({ name }, event),
      ClassSessionCancelled: (event) => facts.get().sessionCancelled({ name }, event),
      StudentAddedToGroup: (event) => facts.get().studentAdded({ name }, event),
      StudentRemovedFromGroup: (event) => facts.get().studentRemoved({ name }, event),
      StudentEnrolled: (event) => facts.get().studentEnrolled({ name }, event),
      StudentWithdrawn: (event) => facts.get().studentWithdrawn({ name }, event),
    },
  });
}
