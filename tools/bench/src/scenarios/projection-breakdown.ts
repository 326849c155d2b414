import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { AvroSerde, ConsumedEvent, decodeRecord, ProjectionRunner } from '@hexfleet/eventing';
import { readTopicUntil } from '@hexfleet/testing';
import { directoryProjection } from '../directory-projection';
import type { ApplyMode } from '../directory-projection';
import { round } from '../measure';

export interface ProjectionBreakdown {
  events: number;
  /** AvroSerde.decode through decodeRecord, per event. */
  decodeUs: number;
  /** ProjectionApplier.apply in chunks of 200 (the runner's) with the batch handler: dedupe, handler, version, offset, per event. */
  applyUs: number;
  /** The same with one insert per event (no batch handler): the before of the batch handler. */
  applyPerEventUs: number;
}

/**
 * Where a projected event's time goes, without a profiler in the way (V8's
 * profiler logs every function avsc compiles, which would inflate exactly the
 * cost being measured): the same records decoded, then applied, each timed alone.
 */
export async function projectionBreakdown(
  kafka: Kafka,
  pool: Pool,
  serde: AvroSerde,
  topic: string,
  name: string,
  count: number,
): Promise<ProjectionBreakdown> {
  const messages = (await readTopicUntil(topic, (records) => records.length >= count, { kafka })).slice(0, count);
  const begin = performance.now();
  const events: ConsumedEvent[] = [];
  for (const message of messages) events.push(await decodeRecord(serde, topic, 0, message));
  const decodeUs = ((performance.now() - begin) * 1000) / events.length;

  // A directory of its own table per mode, in the same tenant schemas, fed straight by the applier.
  const applyUs = async (mode: ApplyMode) => {
    const { applier } = new ProjectionRunner({
      projection: directoryProjection(`${name}-${mode}`, topic, `employees_${mode.replace('-', '_')}`, mode),
      kafka,
      pool,
      serde,
    });
    await applier.apply(events.slice(0, 1)); // creates the tables: a one-off, not per event
    const begin = performance.now();
    for (let i = 1; i < events.length; i += 200) {
      await applier.apply(events.slice(i, i + 200), { offset: { topic, partition: 0, next: BigInt(i + 200) } });
    }
    return ((performance.now() - begin) * 1000) / Math.max(1, events.length - 1);
  };
  const applyPerEventUs = await applyUs('per-event');
  const applyBatchUs = await applyUs('batch');
  return {
    events: events.length,
    decodeUs: round(decodeUs, 1),
    applyUs: round(applyBatchUs, 1),
    applyPerEventUs: round(applyPerEventUs, 1),
  };
}
