import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import type { Pool } from 'pg';
import { AvroSerde, PostgresEventStore, Relay } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, stackEnv } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { createTopics, deleteTopics, hiredRecords, RELAY_BATCH, relayProducer, SOURCE } from '../kafka';
import { LatencyRecorder, progress, round, seconds, sleep } from '../measure';
import { ScenarioResult, withFraction } from '../report';
import { benchTenants, eventMetadata, hiredContractOn, hiredData, newHiredEvent } from '../sample';

/**
 * Scenario 2: a backlog of stored events published by the relay (transaction
 * order, Avro with registry ids, CloudEvents headers, checkpoint per batch),
 * beside the limit: the same kafkajs producer settings sending records of the
 * same size, in batches of the same size with the same acks, nothing else.
 */
export async function relayScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { kafka, log, sizes } = ctx;
  const count = sizes.relayEvents;
  const relayTopic = `bench.${ctx.run}.relay`;
  const rawTopic = `bench.${ctx.run}.raw-producer`;
  const tenants = benchTenants(`r${ctx.run}`, sizes.tenants);
  const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [hiredContractOn(relayTopic)]);
  const rawSerde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [hiredContractOn(rawTopic)]);
  const db = await createTestDatabase('bench_relay');
  try {
    await createTopics(kafka, [relayTopic, rawTopic]);
    await serde.registerAll();
    await rawSerde.registerAll();
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    const hops = Math.min(20, count);
    log(`  one event at a time through an idle relay, empty store (${hops} events)`);
    let relay = await startRelay(ctx, db.url, serde);
    const emptyHop = await hopLatency(store, relay, tenants[0], hops).finally(() => relay.stop());

    await storeBacklog(db.pool, tenants, count, log);
    log(`  relay: publishing ${count.toLocaleString('en-US')} stored events`);
    relay = await startRelay(ctx, db.url, serde);
    let relayed: number;
    let fullHop: number;
    try {
      const report = progress(log, 'relayed');
      const begin = performance.now();
      await relay.until(count, (published) => report(published, count));
      relayed = round(count / seconds(begin));
      log(`    -> ${relayed} events/s`);
      log(`  one event at a time again, ${count.toLocaleString('en-US')} events stored`);
      fullHop = await hopLatency(store, relay, tenants[0], hops);
    } finally {
      await relay.stop();
    }

    log(`  raw kafkajs producer: ${count.toLocaleString('en-US')} records in batches of ${RELAY_BATCH}, acks=all`);
    const raw = await timeRawProducer(
      ctx,
      rawTopic,
      await hiredRecords(rawSerde, tenants, Math.min(count, 5000)),
      count,
    );
    log(`    -> ${raw} records/s`);

    const row = withFraction({
      scenario: 'relay',
      case: `${count.toLocaleString('en-US')} events`,
      value: relayed,
      unit: 'events/s',
      reference: { label: 'raw producer records/s', value: raw },
    });
    return {
      id: 'relay',
      title: '2. Relay: event store -> Kafka (Avro, registry ids) vs raw kafkajs producer',
      rows: [row],
      notes: [
        `Backlog of ${count.toLocaleString('en-US')} EmployeeHired events over ${tenants.length} tenants, stored before the relay starts; the clock runs from relay.start() to the last checkpoint.`,
        'Both: idempotent producer, maxInFlightRequests 1, batches of 1,000 to a 3-partition topic, acks=all, one batch at a time. The relay runs in the harness process with no tracer registered (in a service each record also gets a producer span).',
      ],
      targets: [
        {
          target: 'relay >= 50% of raw producer',
          actual: `${((row.fraction ?? 0) * 100).toFixed(0)}% (${relayed.toLocaleString('en-US')} vs ${raw.toLocaleString('en-US')} /s)`,
          met: (row.fraction ?? 0) >= 0.5,
        },
      ],
      breakdown: {
        what: 'One event appended and published (store.append to the Kafka ack of its batch), median of ' + hops,
        steps: [
          { step: 'with an empty store', us: emptyHop * 1000 },
          { step: `with ${count.toLocaleString('en-US')} events stored (all published)`, us: fullHop * 1000 },
        ],
      },
      seconds: seconds(started),
    };
  } finally {
    await db.drop();
    await deleteTopics(kafka, [relayTopic, rawTopic]);
  }
}

/** Appended in transactions of 1,000 events, as many writers would have left them. */
async function storeBacklog(pool: Pool, tenants: readonly TenantId[], count: number, log: (line: string) => void) {
  const report = progress(log, 'storing the backlog');
  for (let done = 0; done < count;) {
    const n = Math.min(1000, count - done);
    const ids = Array.from({ length: n }, () => randomUUID());
    const tenantOf = (i: number) => tenants[(done + i) % tenants.length];
    await pool.query(
      `insert into eventstore.events (stream_id, stream_version, event_id, event_type, payload, metadata, tenant)
       select s, 1, gen_random_uuid(), 'EmployeeHired', p, m, t
         from unnest($1::text[], $2::jsonb[], $3::jsonb[], $4::text[]) as e(s, p, m, t)`,
      [
        ids.map((id, i) => `${tenantOf(i)}/employee/${id}`),
        ids.map((id, i) => JSON.stringify(hiredData(id, done + i))),
        ids.map(() => JSON.stringify(eventMetadata())),
        ids.map((_, i) => tenantOf(i)),
      ],
    );
    done += n;
    report(done, count);
  }
}

interface RunningRelay {
  /** Resolves once `count` events were published since start (`onProgress` is told as it goes). */
  until(count: number, onProgress?: (published: number) => void): Promise<void>;
  published(): number;
  stop(): Promise<void>;
}

/** The relay as a service runs it (runtime.ts): its own producer, woken by NOTIFY, batches of 1,000. */
async function startRelay(ctx: BenchContext, databaseUrl: string, serde: AvroSerde): Promise<RunningRelay> {
  let published = 0;
  let failure: unknown;
  const relay = new Relay({
    name: 'bench',
    databaseUrl,
    kafka: ctx.kafka,
    serde,
    source: SOURCE,
    onBatch: (n) => (published += n),
    onError: (error) => (failure = error),
  });
  relay.start();
  return {
    published: () => published,
    async until(count, onProgress) {
      while (published < count) {
        if (failure) throw failure;
        onProgress?.(published);
        await sleep(1);
      }
      onProgress?.(published);
    },
    async stop() {
      await relay.stop();
    },
  };
}

/** Median ms from appending one event to the relay having published it, one event at a time. */
async function hopLatency(store: PostgresEventStore, relay: RunningRelay, tenant: TenantId, hops: number) {
  const recorder = new LatencyRecorder();
  for (let i = 0; i < hops; i++) {
    const target = relay.published() + 1;
    const begin = performance.now();
    await store.append(`${tenant}/employee/${randomUUID()}`, tenant, [newHiredEvent(i)], 0);
    await relay.until(target);
    recorder.recordMs(performance.now() - begin);
  }
  return recorder.latency().p50;
}

async function timeRawProducer(ctx: BenchContext, topic: string, templates: Message[], count: number) {
  const producer = await relayProducer(ctx.kafka);
  const report = progress(ctx.log, 'produced');
  try {
    // One warm-up batch: connections and producer id, as the relay's producer had them before it started.
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: templates.slice(0, 10) }] });
    const begin = performance.now();
    for (let done = 0, next = 0; done < count;) {
      const messages = Array.from(
        { length: Math.min(RELAY_BATCH, count - done) },
        () => templates[next++ % templates.length],
      );
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
      done += messages.length;
      report(done, count);
    }
    return round(count / seconds(begin));
  } finally {
    await producer.disconnect();
  }
}
