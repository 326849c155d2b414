import { randomBytes } from 'node:crypto';
import { ensureTopics, LOCAL_CLUSTER } from '@hexfleet/eventing';
import { consumerGroups, createService } from '@hexfleet/platform';
import { hrms, identity, libraries, payroll, profile, TOPIC_CATALOG } from '@hexfleet/schemas';
import { caughtUp, createDevIssuer, OutboxStandIn, startLocalService, testKafka, uniqueName } from '@hexfleet/testing';
import { createNotifications } from '../../src/notifications.module';
import type { NotificationsOptions } from '../../src/notifications.config';
import { Dispatcher } from '../../src/application/dispatcher';

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/** An address no other test uses, so Mailpit's search for it finds this test's mails only. */
export const uniqueAddress = (who: string) => `${who}.${randomBytes(4).toString('hex')}@example.test`;

const UPSTREAM = [hrms, payroll, libraries, identity, profile];

/** The topics notifications reads exist before its groups are placed at their ends (a fresh stack has none). */
async function ensureUpstreamTopics() {
  const { definition } = createNotifications({}, {});
  const topics = new Set(consumerGroups(definition).flatMap((g) => g.topics));
  const admin = testKafka('notifications-topics').admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      TOPIC_CATALOG.filter((t) => topics.has(t.name)),
      LOCAL_CLUSTER,
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * The Notifications service in-process on the run's stack: its own database, read-model
 * names of its own (so parallel runs never share a consumer group), mail to the run's Mailpit
 * unless told otherwise, a dispatcher every 100 ms with short retries, and an issuer of tokens it trusts.
 */
export async function startNotifications(overrides: Partial<NotificationsOptions> = {}) {
  await ensureUpstreamTopics();
  const issuer = await createDevIssuer();
  const { definition, module } = createNotifications(
    {
      projectionSuffix: `-${uniqueName('t')}`,
      smtpUrl: process.env.SMTP_URL,
      dispatchIntervalMs: 100,
      retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000 },
      ...overrides,
    },
    {},
  );
  const service = await startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
  return Object.assign(service, { issuer, definition, dispatcher: service.app.get(Dispatcher) });
}

export type NotificationsHarness = Awaited<ReturnType<typeof startNotifications>>;

/** The directory's topics: what a test waits on (`caughtUp`) before it records the events that name people. */
export const DIRECTORY_TOPICS = ['identity.user.v1', 'hrms.employee.v1', 'libraries.patron.v1', 'profile.profile.v1'];

/** The running name of one of the service's read models (`deliveries` or `directory`). */
export function readModelOf(service: NotificationsHarness, which: 'deliveries' | 'directory') {
  const projection = service.definition.projections?.find((p) => p.name.startsWith(`notifications-${which}`));
  if (!projection) throw new Error(`no ${which} read model`);
  return projection;
}

/** Waits until the directory has applied every event of the tenant published so far. */
export const directoryCaughtUp = (service: NotificationsHarness, tenant: string) =>
  caughtUp(`projection.${readModelOf(service, 'directory').name}`, DIRECTORY_TOPICS, { tenant });

/** The tenant's deliveries as its admin sees them. */
export async function deliveriesOf(service: NotificationsHarness, tenant: string, status?: string) {
  const token = await service.issuer.mint({ tenant, roles: ['tenant-admin'] });
  const reply = await service.call('GET', `/deliveries?limit=200${status ? `&status=${status}` : ''}`, { token });
  return reply.body as {
    items: Array<{
      deliveryId: string;
      kind: string;
      channel: string;
      status: string;
      attempts: number;
      lastError: string | null;
    }>;
    total: number;
  };
}

/** A user's inbox. */
export async function inboxOf(service: NotificationsHarness, tenant: string, userId: string) {
  const token = await service.issuer.mint({ tenant, userId, roles: [] });
  return (await service.call('GET', '/inbox', { token })).body as {
    items: Array<{ itemId: string; kind: string; subject: string; body: string; readAt: string | null }>;
    total: number;
    unread: number;
  };
}

/** HRMS, payroll, libraries, identity and profile as notifications sees them: their events in one outbox. */
export async function startUpstream() {
  const upstream = await OutboxStandIn.start(
    'upstream',
    '/test/upstream',
    UPSTREAM.flatMap((m) => m.contracts),
  );
  await upstream.publish();
  return upstream;
}

/**
 * One describe's service and upstream stand-in, started before its tests and closed after them,
 * with a tenant of its own. `overrides` is called in beforeAll (a test that picks a port first).
 */
export function notificationsSuite(
  prefix: string,
  overrides: () => Promise<Partial<NotificationsOptions>> = async () => ({}),
) {
  const suite = { tenant: uniqueTenant(prefix) } as {
    tenant: string;
    service: NotificationsHarness;
    upstream: OutboxStandIn;
  };
  beforeAll(async () => {
    suite.service = await startNotifications(await overrides());
    suite.upstream = await startUpstream();
  });
  afterAll(async () => {
    await suite.service?.close();
    await suite.upstream?.close();
  });
  return suite;
}
