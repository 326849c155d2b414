import { DomainError, TenantId } from '@hexfleet/kernel';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import { v7 as uuidv7 } from 'uuid';
import { ConcurrencyError, handleCommand, PostgresEventStore, streamId } from '../src';
import { accountDecider } from './example/account.decider';

const tenant = TenantId.parse('acme');

describe('handleCommand: load, fold, decide, append', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase('commands');
    store = new PostgresEventStore(db.pool);
    await store.migrate();
  });
  afterAll(() => db.drop());

  const context = (stream: string, commandId = uuidv7(), retries = 0) => ({
    tenant,
    streamId: stream,
    commandId,
    retries,
  });

  it('appends what the decider decides, at the version it read', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    expect(
      await handleCommand(store, accountDecider, { type: 'Deposit', amountMinor: 50 }, context(stream)),
    ).toMatchObject({
      status: 'appended',
      nextVersion: 1,
    });
    await handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 20 }, context(stream));
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Deposited', 'Withdrawn']);
  });

  it('a broken rule throws its DomainError and appends nothing', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    await expect(
      handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 1 }, context(stream)),
    ).rejects.toEqual(expect.objectContaining({ code: 'insufficient-funds' }));
    await expect(
      handleCommand(store, accountDecider, { type: 'Withdraw', amountMinor: 1 }, context(stream)),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('the same command id twice appends once (a redelivered policy event cannot act twice)', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    const commandId = uuidv7();
    const first = await handleCommand(
      store,
      accountDecider,
      { type: 'Deposit', amountMinor: 5 },
      context(stream, commandId),
    );
    const again = await handleCommand(
      store,
      accountDecider,
      { type: 'Deposit', amountMinor: 5 },
      context(stream, commandId),
    );
    expect(again).toEqual({
      status: 'already-applied',
      lastEventId: first.status === 'appended' ? first.lastEventId : '',
    });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('re-decides on a race when allowed to retry; without retries a lost race is a ConcurrencyError', async () => {
    const stream = streamId(tenant, 'account', uuidv7());
    await handleCommand(store, accountDecider, { type: 'Deposit', amountMinor: 1000 }, context(stream));
    const racing = (retries: number) =>
      Promise.allSettled(
        Array.from({ length: 10 }, () =>
          handleCommand(
            store,
            accountDecider,
            { type: 'Withdraw', amountMinor: 10 },
            context(stream, uuidv7(), retries),
          ),
        ),
      );
    // Ten racers, at least one wins each round, so twenty retries always suffice.
    expect((await racing(20)).filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const once = await racing(0);
    const won = once.filter((r) => r.status === 'fulfilled').length;
    const lost = once.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrencyError).length;
    expect(won).toBeGreaterThanOrEqual(1);
    expect(won + lost).toBe(10);
    const events = await store.readStream(stream);
    expect(events).toHaveLength(1 + 10 + won); // nothing appended for a lost race
  });
});
