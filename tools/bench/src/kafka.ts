import type { Kafka, Message, Producer } from 'kafkajs';
import { AvroSerde, ensureTopics, kafkaRecord, LOCAL_CLUSTER, recordFullName } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { progress } from './measure';
import { recordedHired } from './sample';

/** Batch size and acks of the relay (relay.ts): the raw producer and the set-ups use the same. */
export const RELAY_BATCH = 1000;
export const SOURCE = '/business/hrms';

/**
 * The run's own topics, 3 partitions like HRMS's. They expire after an hour
 * (and the run deletes them), so benchmark records never pile up on a shared Kafka.
 */
export async function createTopics(kafka: Kafka, names: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      names.map((name) => ({
        name,
        partitions: 3,
        owner: 'bench',
        visibility: 'internal' as const,
        internalBecause: "a benchmark run's own records, deleted after the run",
        eventTypes: [],
        retentionMs: 3_600_000,
      })),
      LOCAL_CLUSTER,
    );
  } finally {
    await admin.disconnect();
  }
}

/** Removes the run's topics and consumer groups (best effort: a shared Kafka keeps going either way). */
export async function deleteTopics(kafka: Kafka, topics: string[], groups: string[] = []): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    await admin.deleteTopics({ topics }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** The relay's producer settings (platform runtime.ts): idempotent, one request in flight. */
export async function relayProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

/** `count` EmployeeHired records exactly as the relay writes them (Avro with registry id, CloudEvents headers). */
export async function hiredRecords(serde: AvroSerde, tenants: readonly TenantId[], count: number, from = 0) {
  const records: Message[] = [];
  for (let n = from; n < from + count; n++) {
    const event = recordedHired(tenants[n % tenants.length], n);
    const { value, contract } = await serde.encode(event.type, event.data);
    records.push(kafkaRecord(event, value, recordFullName(contract.schema), SOURCE));
  }
  return records;
}

/** Fills `topic` with `count` distinct hires (set-up, not measured), with progress on long runs. */
export async function produceHires(
  kafka: Kafka,
  serde: AvroSerde,
  topic: string,
  count: number,
  tenants: readonly TenantId[],
  log: (line: string) => void,
): Promise<void> {
  const producer = await relayProducer(kafka);
  const report = progress(log, `producing to ${topic}`);
  try {
    for (let done = 0; done < count;) {
      const messages = await hiredRecords(serde, tenants, Math.min(RELAY_BATCH, count - done), done);
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
      done += messages.length;
      report(done, count);
    }
  } finally {
    await producer.disconnect();
  }
}
