import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import type { ConsumedEvent } from '../src';
import { readModel } from '../src';
import { ProjectionApplier } from '../src/projection/projection-applier';

/**
 * After a rebalance, the member that lost a partition may still be applying a chunk
 * while the new owner applies the same records. For a stream seen for the first
 * time there is no position row to lock yet: the applier creates it before locking,
 * so the second transaction waits for the first and then skips what it applied.
 */
describe('two appliers racing on the same records (a rebalance overlap)', () => {
  let db: TestDatabase;
  const slow = readModel<{ type: 'Deposited'; data: object }>({
    name: 'racing',
    topics: ['example.account.v1'],
    migrations: [(schema) => `create table ${schema}.effects (stream text not null, version int not null)`],
    tables: ['effects'],
    on: {
      async Deposited(event, { tx, schema }) {
        await new Promise((resolve) => setTimeout(resolve, 300)); // both transactions are open at once
        await tx.query(`insert into ${schema}.effects (stream, version) values ($1, $2)`, [
          event.streamId,
          event.streamVersion,
        ]);
      },
    },
  });
  beforeAll(async () => {
    db = await createTestDatabase('racing');
  });
  afterAll(() => db?.drop());

  const event = (id: string, version: number): ConsumedEvent => ({
    eventId: randomUUID(),
    type: 'Deposited',
    recordName: 'hexfleet.example.account.Deposited',
    tenant: 'acme',
    streamVersion: version,
    aggregateId: id,
    streamKey: `acme:${id}`,
    streamId: `acme/account/${id}`,
    data: {},
    origin: { topic: 'example.account.v1', partition: 0, offset: String(version) },
  });

  it('applies each event once, for new streams and known ones', async () => {
    const [zombie, owner] = [new ProjectionApplier(db.pool, slow), new ProjectionApplier(db.pool, slow)];
    const fresh = randomUUID();
    const chunk = [event(fresh, 1), event(fresh, 2)];
    const first = await Promise.all([zombie.apply(chunk), owner.apply(chunk)]);
    const next = [event(fresh, 3)];
    const second = await Promise.all([zombie.apply(next), owner.apply(next)]);
    const { rows } = await db.pool.query(`select version from tenant_acme.effects order by version`);
    console.log(`applied per applier: new stream ${JSON.stringify(first)}, known stream ${JSON.stringify(second)}`);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
    expect([...first].sort()).toEqual([0, 2]);
    expect([...second].sort()).toEqual([0, 1]);
  });
});
