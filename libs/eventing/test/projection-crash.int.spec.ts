import { spawn } from 'node:child_process';
import path from 'node:path';
import { TenantId } from '@hexfleet/kernel';
import { stackEnv } from '@hexfleet/testing';
import { ProjectionRunner, tenantSchema } from '../src';
import { accountBalances, balances } from './example/account-balances.projection';
import { accountScenario, waitUntil } from './support/scenario';

const acme = TenantId.parse('acme');
const EVENTS = 3000;

describe('projection: a projector killed mid-batch and restarted', () => {
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
    for (let i = 0; i < EVENTS; i++) await scenario.deposit(acme, `acct-${i % 100}`, i + 1);
    const admin = scenario.kafka.admin();
    await admin.connect();
    await waitUntil(
      async () => (await admin.fetchTopicOffsets(scenario.topic)).reduce((n, p) => n + Number(p.high), 0) === EVENTS,
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
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await waitUntil(async () => (await appliedDeposits()) >= EVENTS / 5, 60_000, 'the child applying events');
    child.kill('SIGKILL'); // mid-batch: transactions in flight, Kafka offsets behind the database
    await exited;
    const atKill = await appliedDeposits();
    expect(atKill).toBeLessThan(EVENTS);

    const restarted = new ProjectionRunner({
      projection: accountBalances(scenario.topic),
      kafka: scenario.kafka,
      pool: scenario.db.pool,
      serde: scenario.serde,
    });
    await restarted.start();
    await waitUntil(async () => (await appliedDeposits()) >= EVENTS, 60_000, 'catching up');
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything re-delivered after that would show now
    await restarted.stop();

    expect(await appliedDeposits()).toBe(EVENTS);
    expect(await balances(scenario.db.pool, acme)).toEqual(
      Object.fromEntries(Object.entries(scenario.expected(acme)).sort(([a], [b]) => a.localeCompare(b))),
    );
    process.stdout.write(
      `killed the projector after ${atKill} of ${EVENTS} events; after restart: ${EVENTS}, none twice\n`,
    );
  });
});
