import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { kafkaRecord, recordFullName } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { chat } from '@hexfleet/schemas';
import type { Activity } from '../../../application/activity.port';

/**
 * Typing and presence straight to Kafka, as the relay writes a record (Avro, CloudEvents headers,
 * the tenant header the gateway's live feed routes by), but from no stream: nothing is stored, and
 * a lost record is a typing indicator that did not show. At most once, acks from the leader only.
 */
@Injectable()
export class KafkaActivity implements Activity, OnModuleDestroy {
  private producer?: Promise<Producer>;

  constructor(private readonly runtime: ServiceRuntime) {}

  async publish(tenant: TenantId, key: string, event: chat.ChatActivityV1Event): Promise<void> {
    const { value, contract } = await this.runtime.serde.encode(event.type, event.data);
    const record = kafkaRecord(
      {
        globalPosition: 0n,
        streamId: `${tenant}/activity/${key}`,
        // Consumers read a version of 1 or more; an activity record is always the first of nothing.
        streamVersion: 1,
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {},
        tenant,
        recordedAt: new Date(),
      },
      value,
      recordFullName(contract.schema),
      this.runtime.definition.source,
    );
    const producer = await this.connected();
    await producer.send({ topic: contract.topic, acks: 1, messages: [record] });
  }

  async onModuleDestroy() {
    if (this.producer) await (await this.producer).disconnect();
  }

  private connected(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.runtime.kafka.producer();
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }
}
