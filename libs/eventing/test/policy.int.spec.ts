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
