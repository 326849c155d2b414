import { TenantId } from '@hexfleet/kernel';
import type { example } from '@hexfleet/schemas';
import { policy, PolicyRunner, ProjectionRunner } from '../src';
import { accountBalances, balances } from './example/account-balances.projection';
import { accountScenario, waitUntil } from './support/scenario';

const acme = TenantId.parse('acme');

/**
 * Two fleets on one Kafka cluster (ADR 0073): what tests running side by side on the shared
 * stack are. Fleet A's read model and policy must act on A's records and on unstamped ones
 * (an unnamed fleet, an outside producer), never on B's, even for the same tenant and topic;
 * and they must still commit past B's records, or a wait for "caught up" would never end.
 */
describe('fleets sharing one cluster', () => {
  let ours: Awaited<ReturnType<typeof accountScenario>>;
  let theirs: Awaited<ReturnType<typeof accountScenario>>;
  let unnamed: Awaited<ReturnType<typeof accountScenario>>;
  let projection: ProjectionRunner;
  let reactions: PolicyRunner;
  const reactedTo: string[] = [];

  beforeAll(async () => {
    ours = await accountScenario('fleet-a', { fleet: 'fleet-a' });
    theirs = await accountScenario('fleet-b', { fleet: 'fleet-b', besides: ours });
    unnamed = await accountScenario('fleet-none', { besides: ours });
    projection = new ProjectionRunner({
      projection: accountBalances(ours.topic),
      kafka: ours.kafka,
      pool: ours.db.pool,
      serde: ours.serde,
      fleet: 'fleet-a',
    });
    reactions = new PolicyRunner({
      policy: policy<Extract<example.ExampleAccountV1Event, { type: 'Deposited' }>>({
        name: `fleet-a-${ours.topic}`,
        topics: [ours.topic],
        on: { Deposited: async (event) => void reactedTo.push(event.aggregateId) },
      }),
      kafka: ours.kafka,
      serde: ours.serde,
      fleet: 'fleet-a',
    });
    await projection.start();
    await reactions.start();
  });
  afterAll(async () => {
    await reactions?.stop();
    await projection?.stop();
    await theirs?.close();
    await unnamed?.close();
    await ours?.close();
  });

  const committed = async (group: string) => {
    const admin = ours.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [ours.topic] });
      const ends = await admin.fetchTopicOffsets(ours.topic);
      // An empty partition has nothing to commit past (its committed offset stays -1).
      return ends.every(
        (end) =>
          Number(end.high) === 0 ||
          Number(offsets.partitions.find((p) => p.partition === end.partition)?.offset ?? -1) >= Number(end.high),
      );
    } finally {
      await admin.disconnect();
    }
  };

  it("acts on its own and unstamped records, never on another fleet's, and commits past them all", async () => {
    for (let i = 0; i < 9; i++) {
      await ours.deposit(acme, `ours-${i % 3}`, 10);
      await theirs.deposit(acme, `theirs-${i % 3}`, 1000);
      await unnamed.deposit(acme, `unnamed-${i % 3}`, 5);
    }
    // Another fleet's records last: the runners must pass them although nothing of ours follows.
    for (let i = 0; i < 6; i++) await theirs.deposit(acme, `theirs-${i % 3}`, 1000);

    await waitUntil(
      async () => (await committed(projection.group)) && (await committed(reactions.group)),
      60_000,
      'both groups committed to the end of the topic',
    );
    expect(await balances(ours.db.pool, acme)).toEqual({
      'ours-0': 30,
      'ours-1': 30,
      'ours-2': 30,
      'unnamed-0': 15,
      'unnamed-1': 15,
      'unnamed-2': 15,
    });
    expect(reactedTo.filter((id) => id.startsWith('theirs'))).toEqual([]);
    expect(reactedTo).toHaveLength(18);
  });
});
