import { randomBytes } from 'node:crypto';
import type { Clock } from '@hexfleet/kernel';
import { consumerGroups, createService } from '@hexfleet/platform';
import { createDevIssuer, startLocalService, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, Reply } from '@hexfleet/testing';
import type { AttendanceOptions } from '../../src/attendance.config';
import { createAttendance } from '../../src/attendance.module';

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/** A clock the test moves: days pass between marking and correcting. */
export class MovableClock implements Clock {
  constructor(private instant: string) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: string): void {
    this.instant = instant;
  }
}

/**
 * The Attendance service in-process on the run's stack: its own database, read-model
 * names of its own (so parallel runs never share a consumer group), a clock the test
 * sets, and an issuer of tokens it trusts.
 */
export async function startAttendance(clock: Clock, overrides: Partial<AttendanceOptions> = {}, given?: DevIssuer) {
  const issuer = given ?? (await createDevIssuer());
  const { definition, module } = createAttendance({ clock, projectionSuffix: `-${uniqueName('t')}`, ...overrides }, {});
  const groups = consumerGroups(definition);
  const service = await startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    groups,
  );
  return Object.assign(service, { issuer, groups });
}

export type AttendanceHarness = Awaited<ReturnType<typeof startAttendance>>;

/** Fails with the problem's body, which says why, instead of a bare status mismatch. */
export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

/** Events of `type` the service stored for `tenant`. */
export async function stored(service: AttendanceHarness, tenant: string, type?: string): Promise<number> {
  const { rows } = await service.db.pool.query<{ n: string }>(
    'select count(*) as n from eventstore.events where tenant = $1 and ($2::text is null or event_type = $2)',
    [tenant, type ?? null],
  );
  return Number(rows[0].n);
}
