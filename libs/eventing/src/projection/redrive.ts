import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { decodeRecord } from '../consumer/consumed-event';
import { dlqTopic } from '../consumer/dead-letters';
import type { AvroSerde } from '../serde/avro-serde';
import type { Projection } from './projection';
import { projectionGroup } from './projection';
import { ProjectionApplier } from './projection-applier';
import { endOffsets, replay } from './replay';

export interface RedriveResult {
  applied: number;
  /** Already redriven, or never parked (poison records stay in the DLQ for inspection). */
  skipped: number;
  failed: number;
}

/**
 * Re-applies the projection's dead letters after a fix. Only parked events are
 * applied, each at most once: un-parking and applying share one transaction.
 */
export async function redriveDeadLetters(options: {
  kafka: Kafka;
  pool: Pool;
  serde: AvroSerde;
  projection: Projection;
}): Promise<RedriveResult> {
  const { kafka, pool, serde, projection } = options;
  const applier = new ProjectionApplier(pool, projection);
  const result: RedriveResult = { applied: 0, skipped: 0, failed: 0 };
  const topic = dlqTopic(projectionGroup(projection));
  await replay(kafka, `redrive.${projection.name}`, await endOffsets(kafka, [topic]), async (batch, messages) => {
    for (const message of messages) {
      const event = await decodeRecord(serde, batch.topic, batch.partition, message).catch(() => undefined);
      if (!event) {
        result.failed++;
        continue;
      }
      try {
        const applied = await applier.apply([event], { redrive: true, unpark: true });
        if (applied) result.applied++;
        else result.skipped++;
      } catch {
        result.failed++;
      }
    }
  });
  return result;
}
