import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import { v7 as uuidv7 } from 'uuid';
import { ConcurrencyError, NewEvent, PostgresEventStore, streamId } from '../src';

const tenant = TenantId.parse('acme');
const event = (type: string, data: unknown = {}): NewEvent => ({ eventId: uuidv7(), type, data });

describe('Postgres event store', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('eventstore');
    store = new PostgresEventStore(db.pool);
    await Promise.all([store.migrate(), store.migrate()]); // concurrent starters are safe
  });
  afterAll(() => db.drop());

  it('appends a stream and reads it back in version order', async () => {
    const stream = streamId(tenant, 'loan', uuidv7());
    await store.append(stream, tenant, [event('BookBorrowed', { copy: 'c1' })], 0);
    const result = await store.append(stream, tenant, [event('BookRenewed'), event('BookReturned')], 1);
    expect(result.nextVersion).toBe(3);
    const events = await store.readStream(stream);
    expect(events.map((e) => [e.streamVersion, e.type, e.tenant])).toEqual([
      [1, 'BookBorrowed', 'acme'],
      [2, 'BookRenewed', 'acme'],
      [3, 'BookReturned', 'acme'],
    ]);
    expect(events[0].data).toEqual({ copy: 'c1' });
    expect(events[1].globalPosition).toBeGreaterThan(events[0].globalPosition);
  });

  it('refuses an append at a stale version', async () => {
    const stream = streamId(tenant, 'loan', uuidv7());
    await store.append(stream, tenant, [event('BookBorrowed')], 0);
    await expect(store.append(stream, tenant, [event('BookReturned')], 0)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(stream, tenant, [event('BookReturned')], 5)).rejects.toMatchObject({
      name: 'ConcurrencyError',
      expectedVersion: 5,
      actualVersion: 1,
    });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('appends to several streams all or nothing: one stale stream leaves every stream as it was', async () => {
    const [first, second] = [streamId(tenant, 'loan', uuidv7()), streamId(tenant, 'loan', uuidv7())];
    await store.append(second, tenant, [event('BookBorrowed')], 0);
    const both = (secondAt: number) => [
      { streamId: first, tenant, events: [event('BookBorrowed')], expectedVersion: 0 },
      { streamId: second, tenant, events: [event('BookReturned')], expectedVersion: secondAt },
    ];
    await expect(store.appendAll(both(0))).rejects.toMatchObject({ streamId: second, actualVersion: 1 });
    expect(await store.readStream(first)).toHaveLength(0);
    expect((await store.appendAll(both(1))).map((r) => r.nextVersion)).toEqual([1, 2]);
    expect((await store.readStream(second)).map((e) => e.type)).toEqual(['BookBorrowed', 'BookReturned']);
  });

  it('optimistic concurrency: of 50 concurrent appends at one version, exactly one wins', async () => {
    const stream = streamId(tenant, 'loan', uuidv7());
    await store.append(stream, tenant, [event('BookBorrowed')], 0);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append(stream, tenant, [event('BookRenewed', { by: i })], 1)),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const { reason } of lost) expect(reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(stream)).toHaveLength(2);
  });
});
