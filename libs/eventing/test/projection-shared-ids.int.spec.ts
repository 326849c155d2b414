import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import type { ConsumedEvent } from '../src';
import { ConsistencyToken, readModel } from '../src';
import { ProjectionApplier } from '../src/projection/projection-applier';

/**
 * Two aggregates of one tenant may share an id (identity's user and credential
 * streams both use the user's id), and so a Kafka key. A projection reading
 * both topics must count versions per stream, not per key: the second stream's
 * version 1 is not a duplicate of the first's.
 */
describe('projection over two topics whose streams share an aggregate id', () => {
  let db: TestDatabase;
  const seen = readModel<{ type: 'Something'; data: object }>({
    name: 'shared-ids',
    topics: ['identity.user.v1', 'identity.credential.v1'],
    migrations: [(schema) => `create table ${schema}.seen (stream text not null, version int not null)`],
    tables: ['seen'],
    on: {
      async Something(event, { tx, schema }) {
        await tx.query(`insert into ${schema}.seen (stream, version) values ($1, $2)`, [
          event.streamId,
          event.streamVersion,
        ]);
      },
    },
  });
  beforeAll(async () => {
    db = await createTestDatabase('sharedids');
  });
  afterAll(() => db?.drop());

  const event = (aggregate: string, id: string, version: number): ConsumedEvent => ({
    eventId: randomUUID(),
    type: 'Something',
    recordName: `hexfleet.identity.${aggregate}.Something`,
    tenant: 'acme',
    streamVersion: version,
    aggregateId: id,
    streamKey: `acme:${id}`,
    streamId: `acme/${aggregate}/${id}`,
    data: {},
    origin: { topic: `identity.${aggregate}.v1`, partition: 0, offset: String(version) },
  });

  it('applies version 1 of each stream, and still skips a true redelivery', async () => {
    const applier = new ProjectionApplier(db.pool, seen);
    const id = randomUUID();
    const applied = [
      await applier.apply([event('user', id, 1)]),
      await applier.apply([event('credential', id, 1)]),
      await applier.apply([event('credential', id, 1)]), // redelivered
      await applier.apply([event('user', id, 2)]),
    ];
    const { rows } = await db.pool.query('select stream, version from tenant_acme.seen order by stream, version');
    console.log(`applied per call ${JSON.stringify(applied)}; read model ${JSON.stringify(rows)}`);
    expect(applied).toEqual([1, 1, 0, 1]);
    expect(rows).toEqual([
      { stream: `acme/credential/${id}`, version: 1 },
      { stream: `acme/user/${id}`, version: 1 },
      { stream: `acme/user/${id}`, version: 2 },
    ]);
  });

  it('a consistency token names its stream, so it waits for that stream and not its namesake', () => {
    const token = ConsistencyToken.forAppend('acme/credential/abc', {
      lastEventId: randomUUID(),
      nextVersion: 3,
    } as never);
    expect(ConsistencyToken.decode(token)?.streamKey).toBe('acme/credential/abc');
  });
});
