import { randomBytes, randomUUID } from 'node:crypto';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { createDevIssuer, listOf, stackEnv, startSeparateService } from '@hexfleet/testing';
import type { DevIssuer, SeparateService } from '@hexfleet/testing';
import { call, EventsHarness, Reply, startEvents } from './support/events-harness';

const ok = (reply: Reply, status: number) => {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** What an integrator writes: plain kafkajs and Confluent's registry client, knowing only the two URLs. */
async function readBorrowedAsAnOutsider(key: string) {
  const kafka = new Kafka({
    clientId: 'integrator',
    brokers: stackEnv('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
  const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
  const consumer = kafka.consumer({ groupId: `integrator-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'libraries.loan.v1', fromBeginning: true });
  try {
    return await new Promise<{ value: Record<string, unknown>; type: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record with key ${key} within 60 s`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== key || !message.value) return;
          clearTimeout(timer);
          resolve({ value: await registry.decode(message.value), type: String(message.headers?.ce_type) });
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

// Acceptance 2: Libraries and Events, each alone with its own database, sharing only Kafka and the registry.
describe('a checkout reaches outside consumers and the school activity feed', () => {
  let issuer: DevIssuer;
  let events: EventsHarness;
  let libraries: SeparateService;
  const tenant = `feed${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    issuer = await createDevIssuer();
    // One at a time, so a failed start still leaves the other one to close. Libraries first:
    // it creates libraries.loan.v1, which the events service waits for before it subscribes.
    libraries = await startSeparateService('services/school/libraries', issuer);
    events = await startEvents(issuer);
  });
  afterAll(async () => {
    await events?.close();
    await libraries?.stop();
  });

  it('BookBorrowed is decodable with only the registry, and the feed shows it at once with the token', async () => {
    const token = await issuer.mint({ tenant, roles: ['librarian'] });
    const lib = (method: string, path: string, body?: unknown) => call(libraries.url, method, path, { token, body });
    const schoolId = randomUUID();
    const rule = { patronCategory: null, itemType: null, loanPeriodDays: 14, maxLoans: 3, maxRenewals: 1, maxHolds: 1 };
    const money = { fineRatePerDayMinor: 100, currency: 'INR', graceDays: 0, fineCapMinor: null, hardDueDate: null };
    ok(await lib('PUT', `/schools/${schoolId}/loan-rules`, { ...rule, ...money }), 204);
    const { titleId } = ok(
      await lib('POST', '/titles', { schoolId, title: 'Feed Me', authors: [], itemType: 'book' }),
      201,
    );
    const { copyId } = ok(await lib('POST', `/titles/${titleId}/copies`, { barcode: 'FEED-1', shelf: 'A' }), 201);
    const { patronId } = ok(await lib('POST', '/patrons', { schoolId, name: 'Reader', category: 'student' }), 201);
    const borrowed = await lib('POST', '/loans', { copyId, patronId });
    const { loanId } = ok(borrowed, 201);
    const consistencyToken = borrowed.headers.get('x-consistency-token') ?? '';

    // The Events service, a different process and database, answers with it right away.
    const feed = await call(events.url, 'GET', `/schools/${schoolId}/activity`, {
      token: await issuer.mint({ tenant, roles: ['student'] }),
      headers: { 'x-consistency-token': consistencyToken },
    });
    console.log(`activity feed (${feed.headers.get('x-consistency')}): ${JSON.stringify(feed.body)}`);
    expect(feed.headers.get('x-consistency')).toBe('fresh');
    expect(feed.body).toEqual([
      expect.objectContaining({ kind: 'book-borrowed', subject: 'Feed Me', actorId: patronId, refId: loanId }),
    ]);

    const outsider = await readBorrowedAsAnOutsider(`${tenant}:${loanId}`);
    console.log(`integrator decoded ${outsider.type}: loanId=${outsider.value.loanId} title=${outsider.value.title}`);
    expect(outsider.type).toBe('hexfleet.libraries.loan.BookBorrowed');
    expect(outsider.value).toMatchObject({ loanId, copyId, patronId, schoolId, title: 'Feed Me' });

    // The return follows into the feed (it names the title the borrow brought).
    const returned = await lib('POST', `/loans/${loanId}/return`);
    ok(returned, 200);
    const after = await call(events.url, 'GET', `/schools/${schoolId}/activity`, {
      token,
      headers: { 'x-consistency-token': returned.headers.get('x-consistency-token') ?? '' },
    });
    expect(listOf<{ kind: string; subject: string }>(after).map((a) => `${a.kind} ${a.subject}`)).toEqual([
      'book-returned Feed Me',
      'book-borrowed Feed Me',
    ]);
    // Offset pages, newest first.
    const page = await call(events.url, 'GET', `/schools/${schoolId}/activity?limit=1&offset=1`, { token });
    expect(listOf<{ kind: string }>(page).map((a) => a.kind)).toEqual(['book-borrowed']);
    // Another tenant's school has no activity, not someone else's.
    const stranger = await issuer.mint({ tenant: `x${tenant.slice(1)}`, roles: ['school-admin'] });
    expect((await call(events.url, 'GET', `/schools/${schoolId}/activity`, { token: stranger })).body).toEqual([]);
  });
});
