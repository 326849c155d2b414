import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { attendance } from '@hexfleet/schemas';
import type { AlertsCommandHandler } from './alerts.command-handler';

const ALERTS_POLICY = 'attendance-alerts';

type RegisterRecords = Exclude<attendance.AttendanceRegisterV1Event, { type: 'RegisterCompleted' }>;

/** The service's own registers -> each student's absences and absence alerts (ADR 0051). */
export function alertsPolicy(alerts: Later<AlertsCommandHandler>, suffix = ''): Policy {
  const name = `${ALERTS_POLICY}${suffix}`;
  return policy<RegisterRecords>({
    name,
    topics: ['attendance.register.v1'],
    on: {
      AttendanceMarked: (event) => alerts.get().marked({ name }, event),
      AttendanceCorrected: (event) => alerts.get().corrected({ name }, event),
      RegisterWithdrawn: (event) => alerts.get().withdrawn({ name }, event),
    },
  });
}
