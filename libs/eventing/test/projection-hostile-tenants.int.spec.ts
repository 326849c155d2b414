import { TenantId } from '@hexfleet/kernel';
import { uniqueName } from '@hexfleet/testing';
import type { PoolClient } from 'pg';
import { dlqTopic, ProjectionRunner } from '../src';
import { accountBalances, balances } from './example/account-balances.projection';
import { consumeUntil } from './support/kafka';
import { accountScenario, waitUntil } from './support/scenario';

const HOSTILE = ['a"; drop schema x;--', 'A', 'ab', 'tenant_1'];

describe('hostile tenants never reach SQL', () => {
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  let runner: ProjectionRunner;
  const sql: string[] = [];

  beforeAll(async () => {
    scenario = await accountScenario('projhostile');
    // A query log: every statement any pooled connection sends, as Postgres receives it.
    scenario.db.pool.on('connect', (client: PoolClient) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const text = args[0];
        sql.push(typeof text === 'string' ? text : String((text as { text?: string })?.text));
        return query(...args);
      };
    });
    runner = new ProjectionRunner({
      projection: accountBalances(scenario.topic),
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

  it.each(HOSTILE)('TenantId refuses %p before any SQL', (slug) => {
    expect(() => TenantId.parse(slug)).toThrow(expect.objectContaining({ code: 'invalid-tenant' }));
  });

  it('events naming hostile tenants are dead-lettered; schema names reach SQL only quoted', async () => {
    const { value } = await scenario.serde.encode('Deposited', { amountMinor: 1, note: '' });
    const producer = scenario.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: scenario.topic,
      messages: HOSTILE.map((tenant, i) => ({
        key: `${tenant}:acct`,
        value,
        headers: {
          ce_id: uniqueName('hostile'),
          ce_type: 'hexfleet.example.account.Deposited',
          ce_subject: `acct-${i}`,
          tenant,
          stream_version: '1',
        },
      })),
    });
    await producer.disconnect();
    const good = TenantId.parse('goodco');
    await scenario.deposit(good, 'acct', 3);

    await waitUntil(async () => (await balances(scenario.db.pool, good)).acct === 3);
    const letters = await consumeUntil(dlqTopic(runner.group), (all) => all.length >= HOSTILE.length);
    expect(letters.map((l) => String(l.headers?.tenant)).sort()).toEqual([...HOSTILE].sort());
    for (const letter of letters) expect(String(letter.headers?.dlq_error)).toContain('invalid tenant');

    const log = sql.join('\n');
    for (const slug of HOSTILE) expect(log).not.toContain(`tenant_${slug}`);
    expect(log).not.toContain('drop schema x');
    const schemaMentions = [...log.matchAll(/(.)tenant_[a-z0-9]+/g)];
    expect(schemaMentions.length).toBeGreaterThan(0);
    for (const [mention, before] of schemaMentions)
      expect({ mention, quoted: before === '"' }).toEqual({ mention, quoted: true });
    const { rows } = await scenario.db.pool.query(
      `select nspname from pg_namespace where nspname like 'tenant%' order by 1`,
    );
    expect(rows.map((r) => r.nspname)).toEqual(['tenant_goodco']);
  });
});
