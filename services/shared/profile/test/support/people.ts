import { randomUUID } from 'node:crypto';
import { eventTypeOf, identity } from '@hexfleet/schemas';
import { eventually, readTopicUntil, testKafka } from '@hexfleet/testing';
import type { KafkaMessage } from 'kafkajs';
import type { ProfileFleet, Reply } from './profile-harness';

export type { Reply };

export interface Person {
  userId: string;
  token: string;
}

export interface Registration {
  displayName: string;
  product?: 'business' | 'school';
  roles?: string[];
  employeeId?: string;
  studentId?: string;
}

/** Fails with the reply when the status is not the expected one; returns the body. */
export function expectStatus(reply: Reply, status: number) {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** identity's UserRegistered, appended to identity's store: its relay puts it on identity.user.v1. */
export async function registerUser(fleet: ProfileFleet, tenant: string, registration: Registration) {
  const userId = randomUUID();
  const { displayName, product = 'business', employeeId = null, studentId = null } = registration;
  const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}.${userId.slice(0, 8)}@example.test`;
  const event = identity.userRegistered({
    ...{ userId, product, email, displayName, employeeId, studentId },
    registeredVia: 'invitation',
    registeredAt: new Date().toISOString(),
  });
  await fleet.identity.append(tenant, 'user', userId, event);
  return { userId, email, event };
}

/** The profile the caller sees at /profiles/me once the registration has gone through Kafka and the projection. */
export async function ownProfile(fleet: ProfileFleet, token: string, what: string) {
  let reply: Reply | undefined;
  await eventually(
    async () => {
      reply = await fleet.call('GET', '/profiles/me', { token });
      return reply.status === 200;
    },
    { what: `${what}'s profile at /profiles/me`, timeoutMs: 60_000 },
  );
  return (reply as Reply).body;
}

/** A registered user with a profile and a token: what most tests start from. */
export async function person(fleet: ProfileFleet, tenant: string, registration: Registration): Promise<Person> {
  const { userId } = await registerUser(fleet, tenant, registration);
  const token = await fleet.issuer.mint({ tenant, userId, roles: registration.roles ?? [] });
  await ownProfile(fleet, token, registration.displayName);
  return { userId, token };
}

/** Waits until a consumer group has committed past `offset` of a partition: it has handled that record. */
export async function groupPassed(groupId: string, topic: string, partition: number, offset: string) {
  const admin = testKafka('profile-test').admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const at = committed.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
        return BigInt(at) > BigInt(offset);
      },
      { what: `${groupId} past ${topic}[${partition}]@${offset}`, timeoutMs: 60_000 },
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Kafka delivering a record again, as after a consumer crash before its commit:
 * the record identity's relay published for `key` with type `type`, produced
 * again byte for byte (same ce_id, key, value, headers). Resolves once
 * `groupId` has handled it.
 */
export async function redeliver(topic: string, key: string, type: string, groupId: string) {
  const matches = (r: KafkaMessage) => r.key?.toString() === key && eventTypeOf(String(r.headers?.ce_type)) === type;
  const [record] = (await readTopicUntil(topic, (records) => records.some(matches))).filter(matches);
  const producer = testKafka('redeliver').producer();
  await producer.connect();
  try {
    const [sent] = await producer.send({
      topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    await groupPassed(groupId, topic, sent.partition, sent.baseOffset ?? '0');
    return { eventId: String(record.headers?.ce_id), offset: sent.baseOffset };
  } finally {
    await producer.disconnect();
  }
}
