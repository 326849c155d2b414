import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, eventually, stackEnv, TestDatabase, uniqueName } from '@hexfleet/testing';
import { v7 as uuidv7 } from 'uuid';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '../../src';
import { accountContracts, rewardContracts } from '../example/account.contracts';
import { createTopic, testKafka } from './kafka';

/**
 * A database, a topic, the example contracts, an event store and a relay: the
 * write side that projection tests read from. `deposit()` appends and returns
 * what the read model should then hold. `besides` publishes to another scenario's
 * topics (a second service, or another fleet's, on the same cluster); `fleet` is
 * the name its relay stamps on records.
 */
export async function accountScenario(
  prefix: string,
  { fleet, besides }: { fleet?: string; besides?: { topic: string; rewardTopic: string } } = {},
) {
  const topic = besides?.topic ?? uniqueName('example.account.v1');
  const rewardTopic = besides?.rewardTopic ?? uniqueName('example.reward.v1');
  const db: TestDatabase = await createTestDatabase(prefix);
  const store = new PostgresEventStore(db.pool);
  await store.migrate();
  if (!besides) {
    await createTopic(topic, 3);
    await createTopic(rewardTopic, 1);
  }
  const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [
    ...accountContracts(topic),
    ...rewardContracts(rewardTopic),
  ]);
  await serde.registerAll();
  const relayErrors: unknown[] = [];
  const relay = new Relay({
    name: prefix,
    databaseUrl: db.url,
    kafka: testKafka('scenario-relay'),
    serde,
    source: '/example/account',
    fleet,
    pollIntervalMs: 100,
    onError: (error) => relayErrors.push(error),
  });
  relay.start();
  const versions = new Map<string, number>();
  const expected = new Map<string, Record<string, number>>();

  return {
    topic,
    rewardTopic,
    relayErrors,
    db,
    store,
    serde,
    relay,
    kafka: testKafka('scenario'),
    expected: (tenant: TenantId) => expected.get(tenant) ?? {},
    async deposit(tenant: TenantId, account: string, amountMinor: number) {
      const stream = streamId(tenant, 'account', account);
      const version = versions.get(stream) ?? 0;
      const result = await store.append(
        stream,
        tenant,
        [{ eventId: uuidv7(), type: 'Deposited', data: { amountMinor, note: '' } }],
        version,
      );
      versions.set(stream, version + 1);
      const balances = expected.get(tenant) ?? {};
      balances[account] = (balances[account] ?? 0) + amountMinor;
      expected.set(tenant, balances);
      return { stream, result };
    },
    async close() {
      await relay.stop();
      if (besides) return db.drop();
      const admin = testKafka().admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, rewardTopic] }).catch(() => undefined);
      await admin.disconnect();
      await db.drop();
    },
  };
}

/** Waits until `check` holds; see `eventually` in @hexfleet/testing. */
export const waitUntil = (check: () => Promise<boolean>, timeoutMs = 30_000, what = 'condition') =>
  eventually(check, { timeoutMs, what });
