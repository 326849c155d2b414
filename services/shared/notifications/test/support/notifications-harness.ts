import { randomBytes } from 'node:crypto';
import { ensureTopics, LOCAL_CLUSTER } from '@hexfleet/eventing';
import { consumerGroups, createService } from '@hexfleet/platform';
import { hrms, identity, libraries, payroll, profile, TOPIC_CATALOG } from '@hexfleet/schemas';
import { createDevIssuer, OutboxStandIn, startLocalService, testKafka, uniqueName } from '@hexfleet/testing';
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
