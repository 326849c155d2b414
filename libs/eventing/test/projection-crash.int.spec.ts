import { spawn } from 'node:child_process';
import path from 'node:path';
import { TenantId } from '@hexfleet/kernel';
import { stackEnv } from '@hexfleet/testing';
import { ProjectionRunner, tenantSchema } from '../src';
import { accountBalances, balances } from './example/account-balances.projection';
import { accountScenario, waitUntil } from './support/scenario';

const acme = TenantId.parse('acme');

/**
 * A projector killed with SIGKILL and restarted leaves the read model exactly as one clean
 * delivery would. Three kills: at a random moment (transactions in flight, Kafka's offsets
 * behind the database), and at two set points, each the moment a lost step would show:
 * after the read model changed but before its transaction committed (the change must be
 * rolled back and applied again once), and after the commit but before Kafka's offset commit
 * (the chunk comes again from Kafka and must not be applied twice).
 */
describe.each([
  { kill: 'at a random moment', fault: undefined, events: 3000 },
  { kill: 'after the read model changed, before the commit', fault: 'after-apply', events: 1000 },
  { kill: 'after the commit, before Kafka’s offset commit', fault: 'after-commit', events: 1000 },
])('projection: a projector killed $kill and restarted', ({ fault, events }) => {
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  beforeAll(async () => {
    scenario = await accountScenario('projcrash');
  });
  afterAll(() => scenario.close());

  const appliedDeposits = async () =>
    Number(
      (
        await scenario.db.pool
          .query(`select coalesce(sum(deposits), 0) as n from ${tenantSchema(acme)}.account_balances`)
          .catch(() => ({ rows: [{ n: 0 }] }))
      ).rows[0].n,
    );

  it('leaves the read model exactly as one clean delivery would', async () => {
    for (let i = 0; i < events; i++) await scenario.deposit(acme, `acct-${i % 100}`, i + 1);
    const admin = scenario.kafka.admin();
    await admin.connect();
    await waitUntil(
      async () => (await admin.fetchTopicOffsets(scenario.topic)).reduce((n, p) => n + Number(p.high), 0) === events,
    );
    await admin.disconnect();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'support', 'projector-process.ts')],
      {
        env: {
          ...process.env,
          DATABASE_URL: scenario.db.url,
          KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
          TOPIC: scenario.topic,
          ...(fault ? { FAULT_POINT: fault, FAULT_AT_CHUNK: '4' } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, signal) => resolve(signal)));
    if (!fault) {
      await waitUntil(async () => (await appliedDeposits()) >= events / 5, 60_000, 'the child applying events');
      child.kill('SIGKILL'); // mid-batch: transactions in flight, Kafka offsets behind the database
    }
    expect(await exited).toBe('SIGKILL');
    const atKill = await appliedDeposits();
    expect(atKill).toBeLessThan(events);
    if (fault) {
      // The child said how much it had committed when it died: the database agrees, to the event.
      const [, where, committed, last] = /KILLED (\S+) chunk=4 committed=(\d+) (?:inChunk|lastChunk)=(\d+)/.exec(
        said,
      ) ?? ['', '', '-1', '-1'];
      expect(where).toBe(fault);
      // after-apply: the killed chunk's rows were never committed; after-commit: they were, and count once.
      expect(atKill).toBe(Number(committed));
      expect(Number(last)).toBeGreaterThan(0);
    }

    const restarted = new ProjectionRunner({
      projection: accountBalances(scenario.topic),
      kafka: scenario.kafka,
      pool: scenario.db.pool,
      serde: scenario.serde,
    });
    await restarted.start();
    await waitUntil(async () => (await appliedDeposits()) >= events, 60_000, 'catching up');
    // Anything delivered again must show by the time the group has committed past the topic's end.
    const caughtUp = scenario.kafka.admin();
    await caughtUp.connect();
    await waitUntil(
      async () => {
        const [offsets] = await caughtUp.fetchOffsets({ groupId: restarted.group, topics: [scenario.topic] });
        const ends = await caughtUp.fetchTopicOffsets(scenario.topic);
        return ends.every(
          (end) =>
            Number(end.high) === 0 ||
            Number(offsets.partitions.find((p) => p.partition === end.partition)?.offset ?? -1) >= Number(end.high),
        );
      },
      60_000,
      'the restarted projector committed past the end',
    );
    await caughtUp.disconnect();
    await restarted.stop();

    expect(await appliedDeposits()).toBe(events);
    expect(await balances(scenario.db.pool, acme)).toEqual(
      Object.fromEntries(Object.entries(scenario.expected(acme)).sort(([a], [b]) => a.localeCompare(b))),
    );
    process.stdout.write(
      `killed the projector ${fault ?? 'at random'} after ${atKill} of ${events} events; after restart: ${events}, none twice\n`,
    );
  });
});
