import { randomBytes, randomUUID } from 'node:crypto';
import { TenantId } from '@hexfleet/kernel';
import type { Clock } from '@hexfleet/kernel';
import { tenantSchema } from '@hexfleet/eventing';
import { consumerGroups, createService } from '@hexfleet/platform';
import { hrms, identity } from '@hexfleet/schemas';
import { createDevIssuer, eventually, OutboxStandIn, startLocalService, uniqueName } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import { createChat } from '../../src/chat.module';
import type { ChatOptions } from '../../src/chat.config';

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * The Chat service in-process on the run's stack: its own database, read-model
 * names of its own (so parallel runs never share a consumer group), a clock the test
 * sets, and an issuer of tokens it trusts.
 */
export async function startChat(clock: Clock, overrides: Partial<ChatOptions> = {}) {
  const issuer = await createDevIssuer();
  const { definition, module } = createChat({ clock, projectionSuffix: `-${uniqueName('t')}`, ...overrides }, {});
  const service = await startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
  return Object.assign(service, { issuer });
}

export type ChatHarness = Awaited<ReturnType<typeof startChat>>;

/** A read sent with a write's consistency token, again while the service says it was stale. */
export async function readAfter(service: ChatHarness, write: Reply, path: string, token: string): Promise<Reply> {
  const headers = { 'x-consistency-token': write.headers.get('x-consistency-token') ?? '' };
  let reply = await service.call('GET', path, { token, headers });
  for (let tries = 1; reply.headers.get('x-consistency') === 'stale' && tries < 10; tries++) {
    reply = await service.call('GET', path, { token, headers });
  }
  expect([reply.status, reply.headers.get('x-consistency')]).toEqual([200, 'fresh']);
  return reply;
}

/** Identity and HRMS as chat sees them: their events, published by stand-in outboxes. */
export class People {
  private constructor(
    readonly identity: OutboxStandIn,
    readonly hrms: OutboxStandIn,
  ) {}

  static async start() {
    const [ids, hr] = await Promise.all([
      OutboxStandIn.start('identity', '/shared/identity', identity.contracts),
      OutboxStandIn.start('hrms', '/business/hrms', hrms.contracts),
    ]);
    await Promise.all([ids.publish(), hr.publish()]);
    return new People(ids, hr);
  }

  /** A registered user: `handle@example.com`; answers the user id. */
  async register(tenant: string, handle: string, employeeId: string | null = null, userId = randomUUID()) {
    await this.identity.record(
      tenant,
      'user',
      userId,
      identity.userRegistered({
        userId,
        product: 'business',
        email: `${handle}@example.com`,
        displayName: handle,
        registeredVia: 'invitation',
        employeeId,
        registeredAt: '2026-03-01T08:00:00.000Z',
      }),
    );
    return userId;
  }

  deactivate(tenant: string, userId: string) {
    return this.identity.record(
      tenant,
      'user',
      userId,
      identity.userDeactivated({ userId, reason: null, deactivatedAt: '2026-03-03T08:00:00.000Z' }),
    );
  }

  hire(tenant: string, employeeId: string, department: string, userId: string | null = null) {
    return this.hrms.record(
      tenant,
      'employee',
      employeeId,
      hrms.employeeHired({
        employeeId,
        firstName: 'Pat',
        lastName: 'Doe',
        workEmail: `pat.${employeeId.slice(0, 8)}@example.com`,
        joiningDate: '2026-03-01',
        department,
        designation: 'Engineer',
        employmentType: 'full-time',
        userId,
        hiredAt: '2026-03-01T08:00:00.000Z',
      }),
    );
  }

  separate(tenant: string, employeeId: string, userId: string | null = null) {
    return this.hrms.record(
      tenant,
      'employee',
      employeeId,
      hrms.employeeSeparated({
        employeeId,
        relievingDate: '2026-03-31',
        userId,
        separatedAt: '2026-03-03T08:00:00.000Z',
      }),
    );
  }

  async close() {
    await Promise.all([this.identity.close(), this.hrms.close()]);
  }
}

/** Waits until the service's directory knows the user (a member can then be added). */
export async function known(service: ChatHarness, tenant: string, userIds: string[]) {
  const schema = tenantSchema(TenantId.parse(tenant));
  await eventually(
    async () => {
      const found = await service.db.pool
        .query<{ n: string }>(`select count(*) as n from ${schema}.users where user_id = any($1::text[])`, [userIds])
        .catch(() => ({ rows: [{ n: '0' }] }));
      return Number(found.rows[0].n) === userIds.length;
    },
    { what: 'the directory' },
  );
}
