import { TenantId } from '@hexfleet/kernel';
import { uniqueName } from '@hexfleet/testing';
import type { KafkaMessage } from 'kafkajs';
import { dlqTopic, ProjectionRunner, redriveDeadLetters } from '../src';
import { accountBalances, balances } from './example/account-balances.projection';
import { consumeUntil } from './support/kafka';
import { accountScenario, waitUntil } from './support/scenario';

const acme = TenantId.parse('acme');

describe('projection: poison records go to the DLQ, the consumer goes on, redrive applies after a fix', () => {
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  const broken = new Set(['acct-bug']);
  let runner: ProjectionRunner;
  let projection: ReturnType<typeof accountBalances>;

  beforeAll(async () => {
    scenario = await accountScenario('projpoison');
    projection = accountBalances(scenario.topic, broken);
    runner = new ProjectionRunner({
      projection,
      kafka: scenario.kafka,
      pool: scenario.db.pool,
      serde: scenario.serde,
      retryDelayMs: 10,
    });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await scenario.close();
  });

  it('dead-letters an undecodable record and one whose handler always throws, with their origin', async () => {
    await scenario.deposit(acme, 'acct-ok', 10);
    // A record whose schema id the registry never issued: Confluent framing, then garbage.
    const unknownSchema = Buffer.concat([
      Buffer.from([0]),
      Buffer.from([0x7f, 0xff, 0xff, 0x00]),
      Buffer.from('garbage'),
    ]);
    const producer = scenario.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: scenario.topic,
      messages: [
        {
          key: 'acme:acct-ok',
          value: unknownSchema,
          headers: {
            ce_id: uniqueName('poison'),
            ce_type: 'hexfleet.example.account.Deposited',
            ce_subject: 'acct-ok',
            tenant: 'acme',
            stream_version: '99',
          },
        },
      ],
    });
    await producer.disconnect();
    await scenario.deposit(acme, 'acct-bug', 7); // its handler throws every time
    await scenario.deposit(acme, 'acct-ok', 5); // after both: proves the consumer went on

    await waitUntil(
      async () => (await balances(scenario.db.pool, acme))['acct-ok'] === 15,
      30_000,
      'consumer moving on',
    );
    const letters = await consumeUntil(dlqTopic(runner.group), (all) => all.length >= 2);
    const byError = (part: string) => letters.find((l) => String(l.headers?.dlq_error).includes(part)) as KafkaMessage;

    const undecodable = byError('cannot decode');
    expect(String(undecodable.headers?.dlq_error_type)).toBe('PoisonRecordError');
    expect(String(undecodable.headers?.dlq_origin_topic)).toBe(scenario.topic);
    expect(String(undecodable.headers?.dlq_attempts)).toBe('0');
    expect(undecodable.value?.equals(unknownSchema)).toBe(true);

    const failing = byError('handler bug for acct-bug');
    expect(String(failing.headers?.dlq_attempts)).toBe('3');
    expect(String(failing.headers?.dlq_group)).toBe(runner.group);
    expect(String(failing.headers?.dlq_origin_offset)).toMatch(/^\d+$/);
    expect(String(failing.headers?.ce_id)).toMatch(/[0-9a-f-]{36}/);
    expect((await balances(scenario.db.pool, acme))['acct-bug']).toBeUndefined();

    // The fix ships: redrive applies the parked event once; the undecodable one stays for inspection.
    broken.clear();
    expect(
      await redriveDeadLetters({ kafka: scenario.kafka, pool: scenario.db.pool, serde: scenario.serde, projection }),
    ).toEqual({
      applied: 1,
      skipped: 0,
      failed: 1,
    });
    expect((await balances(scenario.db.pool, acme))['acct-bug']).toBe(7);
    expect(
      await redriveDeadLetters({ kafka: scenario.kafka, pool: scenario.db.pool, serde: scenario.serde, projection }),
    ).toEqual({
      applied: 0,
      skipped: 1,
      failed: 1,
    });
    expect((await balances(scenario.db.pool, acme))['acct-bug']).toBe(7);
  });
});
