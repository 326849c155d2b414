import { randomBytes, randomUUID } from 'node:crypto';
import { TenantId } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { EventContract, NewEvent, RecordedEvent } from '@hexfleet/eventing';

// Every scenario moves the same event: HRMS's EmployeeHired, at the size HRMS writes it,
// so the figures of one scenario can be set beside another's.

/** The body of `POST /employees` (HRMS's hire command). */
export const hireBody = (n = 0) => ({
  firstName: 'Ada',
  lastName: `Lovelace-${n}`,
  workEmail: `ada.lovelace.${n}@example.com`,
  joiningDate: '2026-03-01',
  department: 'Engineering',
  designation: 'Software Engineer',
  employmentType: 'full-time',
});

export const hiredData = (employeeId: string, n = 0): hrms.EmployeeHiredData =>
  hrms.employeeHired({ employeeId, ...hireBody(n), hiredAt: new Date().toISOString() }).data;

/** What HRMS's command path stores with each event (user, correlation, trace). */
export const eventMetadata = () => ({
  userId: randomUUID(),
  correlationId: randomUUID(),
  traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
});

export const newHiredEvent = (n = 0): NewEvent => ({
  eventId: randomUUID(),
  type: 'EmployeeHired',
  data: hiredData(randomUUID(), n),
  metadata: eventMetadata(),
});

/** A stored EmployeeHired of `tenant`, as the relay reads it back from the event store. */
export function recordedHired(tenant: TenantId, n: number): RecordedEvent {
  const employeeId = randomUUID();
  return {
    globalPosition: BigInt(n + 1),
    streamId: `${tenant}/employee/${employeeId}`,
    streamVersion: 1,
    eventId: randomUUID(),
    type: 'EmployeeHired',
    data: hiredData(employeeId, n),
    metadata: eventMetadata(),
    tenant,
    recordedAt: new Date(),
  };
}

/** EmployeeHired's contract on a topic of the run's own, so counts are exact and runs never mix. */
export const hiredContractOn = (topic: string): EventContract => ({ ...hrms.employeeHiredContract, topic });

/** Tenants the read-model scenarios spread events over: `b<run><i>`, valid tenant slugs. */
export const benchTenants = (run: string, count: number): TenantId[] =>
  Array.from({ length: count }, (_, i) => TenantId.parse(`b${run}${i}`));
