import { DomainError, TenantId } from '@hexfleet/kernel';
import type { example } from '@hexfleet/schemas';
import { commandIdFor, handleCommand, policy, PolicyRunner, streamId } from '../src';
import { accountScenario, waitUntil } from './support/scenario';

const acme = TenantId.parse('acme');

type Reward = { type: 'Rewarded'; data: { points: number } };
const rewards = {
  initialState: { points: 0 },
  decide: (command: { points: number }): Reward[] => {
    if (command.points < 2) throw new DomainError('reward-too-small');
    return [{ type: 'Rewarded', data: { points: command.points } }];
  },
  evolve: (state: { points: number }, event: Reward) => ({ points: state.points + event.data.points }),
};

describe('policies: an event becomes a command, once', () => {
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  let runner: PolicyRunner;
  const rejected: string[] = [];

  beforeAll(async () => {
    scenario = await accountScenario('policy');
    const name = `rewards-${scenario.topic}`;
    // Withdrawals are on the same topic and pass by: the policy reads only deposits.
    const rewarding = policy<Extract<example.ExampleAccountV1Event, { type: 'Deposited' }>>({
      name,
      topics: [scenario.topic],
      on: {
        Deposited: async (event) => {
          await handleCommand(
            scenario.store,
            rewards,
            { points: event.data.amountMinor },
            {
              tenant: acme,
              streamId: streamId(acme, 'reward', event.aggregateId),
              commandId: commandIdFor({ name }, event),
              metadata: { causationId: event.eventId },
            },
          );
        },
      },
    });
    runner = new PolicyRunner({
      policy: rewarding,
      kafka: scenario.kafka,
      serde: scenario.serde,
      onRejected: (e, error) => rejected.push(`${e.aggregateId}:${(error as DomainError).code}`),
    });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await scenario.close();
  });

  const rewardEvents = async () =>
    Number(
      (await scenario.db.pool.query(`select count(*)::int as n from eventstore.events where event_type = 'Rewarded'`))
        .rows[0].n,
    );

  const committed = async () => {
    const admin = scenario.kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId: runner.group, topics: [scenario.topic] });
    await admin.disconnect();
    return offsets.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
  };

  it('reacts to every event once, even when every event is delivered again; a refused command is reported, not retried', async () => {
    for (let i = 0; i < 60; i++) await scenario.deposit(acme, `acct-${i % 6}`, i === 0 ? 1 : 10);
    await waitUntil(async () => (await rewardEvents()) === 59, 30_000, 'one reward per deposit');
    expect(rejected).toEqual(['acct-0:reward-too-small']);

    await scenario.relay.stop();
    await scenario.db.pool.query(`update eventstore.relay_checkpoints set transaction_id = '0', position = 0`);
    scenario.relay.start();
    await waitUntil(async () => (await committed()) === 120, 30_000, 'the policy consuming all 120 records');
    expect(rejected).toEqual(['acct-0:reward-too-small', 'acct-0:reward-too-small']);
    expect(await rewardEvents()).toBe(59);
    expect(scenario.relayErrors).toEqual([]);
  });
});

describe('policies: a reaction that outlasts the consumer session', () => {
  const SESSION_MS = 6_000; // the broker's smallest allowed session
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  let runner: PolicyRunner | undefined;
  afterAll(async () => {
    await runner?.stop();
    await scenario?.close();
  });

  it('keeps its partition by heartbeating, so the event is not delivered again while it works', async () => {
    scenario = await accountScenario('policy-long');
    const started: string[] = [];
    let finished = 0;
    const slow = policy<Extract<example.ExampleAccountV1Event, { type: 'Deposited' }>>({
      name: `long-${scenario.topic}`,
      topics: [scenario.topic],
      on: {
        // Three sessions' worth of work in one-second steps, as a rollover does a group at a time.
        Deposited: async (event, reacting) => {
          started.push(event.eventId);
          for (let step = 0; step < (3 * SESSION_MS) / 1000; step++) {
            await new Promise((resolve) => setTimeout(resolve, 1000));
            await reacting.heartbeat();
          }
          finished++;
        },
      },
    });
    runner = new PolicyRunner({
      policy: slow,
      kafka: scenario.kafka,
      serde: scenario.serde,
      sessionTimeoutMs: SESSION_MS,
    });
    await runner.start();
    await scenario.deposit(acme, 'acct-long', 10);
    await waitUntil(async () => finished === 1, 60_000, 'the long reaction to finish');
    // Had the coordinator evicted the consumer mid-reaction, the commit would fail and the event
    // come again before anything later: a second deposit on the same stream (same partition) is
    // the positive signal that everything before it was delivered as it will be.
    await scenario.deposit(acme, 'acct-long', 20);
    await waitUntil(async () => finished === 2, 60_000, 'the second reaction to finish');
    expect(started).toHaveLength(2);
    expect(new Set(started).size).toBe(2);
  }, 120_000);
});
