import { randomUUID } from 'node:crypto';
import { ProjectionApplier } from '@hexfleet/eventing';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import { catalogue } from '../src/adapters/out/catalogue/catalogue.projection';

/**
 * Found by the chaos suite's replay: BookBorrowed (libraries.loan.v1) and TitleCatalogued
 * (libraries.title.v1) are on different topics, so a rebuild may apply a loan before its
 * title exists. The count of loans must not depend on that order.
 */
describe('catalogue read model, applied in either topic order', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('catorder');
  });
  afterAll(() => db?.drop());

  const event = (aggregate: string, id: string, type: string, data: object): ConsumedEvent => ({
    eventId: randomUUID(),
    type,
    recordName: `hexfleet.libraries.${aggregate}.${type}`,
    tenant: 'acme',
    streamVersion: 1,
    aggregateId: id,
    streamKey: `acme:${id}`,
    streamId: `acme/${aggregate}/${id}`,
    data,
    origin: { topic: `libraries.${aggregate}.v1`, partition: 0, offset: '0' },
  });

  it('counts a loan applied before its title was catalogued', async () => {
    const applier = new ProjectionApplier(db.pool, catalogue);
    const titleId = randomUUID();
    const schoolId = randomUUID();
    const borrowed = (loanId: string) => event('loan', loanId, 'BookBorrowed', { loanId, titleId, schoolId });
    await applier.apply([borrowed(randomUUID())]);
    await applier.apply([
      event('title', titleId, 'TitleCatalogued', {
        titleId,
        schoolId,
        title: 'Late Title',
        authors: ['A. Writer'],
        isbn: null,
        itemType: 'book',
        cataloguedAt: '2026-03-02T09:00:00Z',
      }),
    ]);
    await applier.apply([borrowed(randomUUID())]);
    const { rows } = await db.pool.query(
      `select t.title, b.times_borrowed from tenant_acme.titles t join tenant_acme.title_borrowings b using (title_id)`,
    );
    console.log(`loan before title, then title, then loan: ${JSON.stringify(rows)}`);
    expect(rows).toEqual([{ title: 'Late Title', times_borrowed: 2 }]);
  });
});
