import { TenantId } from '@hexfleet/kernel';
import { ConsistencyToken, ProjectionRunner, waitForConsistency } from '../src';
import { accountBalances, balances, balancesChecksum } from './example/account-balances.projection';
import { accountScenario, waitUntil } from './support/scenario';

const acme = TenantId.parse('acme');

describe('projection: exactly-once effect and read-your-writes', () => {
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  let runner: ProjectionRunner;
  let projection: ReturnType<typeof accountBalances>;

  beforeAll(async () => {
    scenario = await accountScenario('projonce');
    projection = accountBalances(scenario.topic);
    runner = new ProjectionRunner({
      projection,
      kafka: scenario.kafka,
      pool: scenario.db.pool,
      serde: scenario.serde,
    });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await scenario.close();
  });

  it('applies every event once, even when the relay publishes everything again', async () => {
    for (let i = 0; i < 300; i++) await scenario.deposit(acme, `acct-${i % 30}`, i + 1);
    await waitUntil(
      async () => JSON.stringify(await balances(scenario.db.pool, acme)) === JSON.stringify(await expectedSorted()),
      30_000,
      'first delivery',
    );
    const once = await balancesChecksum(scenario.db.pool, acme);

    // Republish the whole store: the same events reach Kafka a second time, at new offsets.
    await scenario.relay.stop();
    await scenario.db.pool.query(`update eventstore.relay_checkpoints set transaction_id = '0', position = 0`);
    scenario.relay.start();
    const end = await scenario.kafka.admin();
    await end.connect();
    await waitUntil(
      async () => (await end.fetchTopicOffsets(scenario.topic)).reduce((n, p) => n + Number(p.high), 0) >= 600,
      30_000,
      'republish',
    );
    await end.disconnect();
    await waitUntil(
      async () => {
        const { rows } = await scenario.db.pool.query(
          `select coalesce(sum(next_offset), 0)::int as n from projections.offsets`,
        );
        return rows[0].n >= 600;
      },
      30_000,
      'second delivery consumed',
    );

    expect(await balancesChecksum(scenario.db.pool, acme)).toBe(once);
    // Kafka's committed offsets follow the database's, so consumer lag drops to zero.
    const admin = scenario.kafka.admin();
    await admin.connect();
    await waitUntil(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId: runner.group, topics: [scenario.topic] });
        return committed.partitions.reduce((n, p) => n + Number(p.offset), 0) === 600;
      },
      10_000,
      'zero consumer lag',
    );
    await admin.disconnect();
    expect(await balances(scenario.db.pool, acme)).toEqual(await expectedSorted());
  });

  it("a query with the command's consistency token sees its effect; with the projector stopped it answers stale within the bound", async () => {
    const { stream, result } = await scenario.deposit(acme, 'acct-ryw', 42);
    const token = ConsistencyToken.forAppend(stream, result);
    const point = ConsistencyToken.decode(token);
    if (!point) throw new Error('token did not decode');
    expect(await waitForConsistency(scenario.db.pool, projection.name, acme, point)).toBe('fresh');
    expect((await balances(scenario.db.pool, acme))['acct-ryw']).toBe(42);

    await runner.stop();
    const second = await scenario.deposit(acme, 'acct-ryw', 8);
    const stalePoint = ConsistencyToken.decode(ConsistencyToken.forAppend(second.stream, second.result));
    if (!stalePoint) throw new Error('token did not decode');
    const started = Date.now();
    expect(await waitForConsistency(scenario.db.pool, projection.name, acme, stalePoint, { timeoutMs: 500 })).toBe(
      'stale',
    );
    expect(Date.now() - started).toBeLessThan(1500);
    // A token speaks for its own stream: another stream's applied write is fresh, and a
    // list of both is stale for as long as one of them lags.
    const elsewhere = await scenario.deposit(acme, 'acct-ryw-other', 5);
    const list = ConsistencyToken.decodeList(
      `${token}, ${ConsistencyToken.forAppend(elsewhere.stream, elsewhere.result)}`,
    );
    if (!list) throw new Error('token list did not decode');
    expect(list.map((p) => p.streamKey)).toEqual([stream, elsewhere.stream]);
    expect(await waitForConsistency(scenario.db.pool, projection.name, acme, list, { timeoutMs: 300 })).toBe('stale');
    // A token names its topic: a read model that does not read that topic does not wait for it.
    const onTopic = ConsistencyToken.decode(ConsistencyToken.forAppend(elsewhere.stream, elsewhere.result, 'other.v1'));
    if (!onTopic) throw new Error('token with a topic did not decode');
    expect(onTopic).toMatchObject({ streamKey: elsewhere.stream, topic: 'other.v1' });
    const wait = (topics: string[]) =>
      waitForConsistency(scenario.db.pool, projection.name, acme, [onTopic], { timeoutMs: 300, topics });
    expect([await wait([scenario.topic]), await wait([scenario.topic, 'other.v1'])]).toEqual(['fresh', 'stale']);
    expect(ConsistencyToken.decodeList(`${token}, not-a-token`)).toBeUndefined();
    expect(ConsistencyToken.decodeList(' , ')).toBeUndefined();
    expect(ConsistencyToken.decode('not-a-token')).toBeUndefined();
    await expect(waitForConsistency(scenario.db.pool, projection.name, TenantId.parse('other'), point)).rejects.toThrow(
      'another tenant',
    );
    await runner.start();
    expect(await waitForConsistency(scenario.db.pool, projection.name, acme, [...list, stalePoint])).toBe('fresh');
    expect((await balances(scenario.db.pool, acme))['acct-ryw-other']).toBe(5);
  });

  async function expectedSorted() {
    return Object.fromEntries(Object.entries(scenario.expected(acme)).sort(([a], [b]) => a.localeCompare(b)));
  }
});
