import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { RenewingProducer } from '../producer/renewing-producer';

export const dlqTopic = (group: string) => `dlq.${group}`;

export interface DeadLetter {
  group: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: unknown;
  attempts: number;
}

/**
 * Sends a record that cannot be handled to `dlq.<group>`, unchanged, with why
 * and where it came from in headers, so it can be inspected and redriven.
 */
export async function sendToDeadLetters(
  producer: Pick<RenewingProducer, 'send'>,
  letter: DeadLetter,
  now: Date,
): Promise<void> {
  const headers: IHeaders = {
    ...letter.message.headers,
    dlq_error: String((letter.error as Error)?.message ?? letter.error).slice(0, 2000),
    dlq_error_type: (letter.error as Error)?.name ?? 'Error',
    dlq_origin_topic: letter.topic,
    dlq_origin_partition: String(letter.partition),
    dlq_origin_offset: letter.message.offset,
    dlq_group: letter.group,
    dlq_attempts: String(letter.attempts),
    dlq_failed_at: now.toISOString(),
  };
  await producer.send({
    topic: dlqTopic(letter.group),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
