import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import { v7 as uuidv7 } from 'uuid';
import { FoldCache, handleCommand, PostgresEventStore, streamId } from '../src';
import { accountDecider } from './example/account.decider';

const tenant = TenantId.parse('acme');

/**
 * handleCommand with a fold cache (ADR 0077): a command on a cached stream reads only the events
 * after the cached version, and still decides on the whole stream, whoever else appended.
 */
describe('handleCommand with a FoldCache', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase('foldcache');
    store = new PostgresEventStore(db.pool);
    await store.migrate();
  });
  afterAll(() => db.drop());

  const context = (stream: string, cache?: FoldCache, commandId = uuidv7(), retries = 0) => ({
    tenant,
    streamId: stream,
    commandId,
    retries,
    cache,
  });

  it('reads only newer events once warm, and sees what another replica appended', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    const cache = new FoldCache();
    const reads: Array<[string, number]> = [];
    const whole = jest.spyOn(store, 'readStream');
    const after = jest.spyOn(store, 'readStreamAfter').mockImplementation(async (id, version) => {
      const events = await PostgresEventStore.prototype.readStreamAfter.call(store, id, version);
      reads.push([`after ${version}`, events.length]);
      return events;
    });
    try {
      for (let i = 0; i < 5; i++) {
        await handleCommand(store, accountDecider, { type: 'Deposit', amountMinor: 10 }, context(stream, cache));
      }
      // Another replica (no cache here) takes 45 of the 50.
      await handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 45 }, context(stream));
      // This replica's fold is at version 5: it reads version 6 and refuses 10 of the 5 left.
      await expect(
        handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 10 }, context(stream, cache)),
      ).rejects.toEqual(expect.objectContaining({ code: 'insufficient-funds' }));
      expect(
        await handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 5 }, context(stream, cache)),
      ).toMatchObject({ status: 'appended', nextVersion: 7 });
      expect(reads).toEqual([
        ['after 0', 0],
        ['after 0', 1],
        ['after 1', 1],
        ['after 2', 1],
        ['after 3', 1],
        ['after 4', 2],
        ['after 6', 0],
      ]);
      // Only the replica without a cache read the whole stream.
      expect(whole).toHaveBeenCalledTimes(1);
    } finally {
      whole.mockRestore();
      after.mockRestore();
    }
  });

  it('answers a repeated command already-applied from the cached fold', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    const cache = new FoldCache();
    const commandId = uuidv7();
    const first = await handleCommand(
      store,
      accountDecider,
      { type: 'Deposit', amountMinor: 5 },
      context(stream, cache, commandId),
    );
    await handleCommand(store, accountDecider, { type: 'Deposit', amountMinor: 7 }, context(stream, cache));
    const again = await handleCommand(
      store,
      accountDecider,
      { type: 'Deposit', amountMinor: 5 },
      context(stream, cache, commandId),
    );
    expect(again).toEqual({
      status: 'already-applied',
      lastEventId: first.status === 'appended' ? first.lastEventId : '',
    });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('runs concurrent commands on one stream one after another in the process: no lost race', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    const cache = new FoldCache();
    await handleCommand(store, accountDecider, { type: 'Deposit', amountMinor: 100 }, context(stream, cache));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 10 }, context(stream, cache)),
      ),
    );
    // Without retries: ten withdrawals of 10 succeed, two are refused by the rule, none by a race.
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []));
    expect(refused).toEqual(['insufficient-funds', 'insufficient-funds']);
    expect(await store.readStream(stream)).toHaveLength(11);
  });

  it('keeps at most maxStreams folds, the least recently used going first', () => {
    const cache = new FoldCache(2);
    cache.take('a', accountDecider).version = 5;
    cache.take('b', accountDecider).version = 6;
    cache.take('a', accountDecider); // a is the most recent now
    cache.take('c', accountDecider);
    expect(cache.size).toBe(2);
    expect(cache.take('a', accountDecider).version).toBe(5);
    expect(cache.take('b', accountDecider).version).toBe(0); // b went: a new, empty fold
  });
});
