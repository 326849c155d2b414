import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { libraries } from '@hexfleet/schemas';

/** What the catalogue reads: every copy event, a title's cataloguing, and each checkout (times borrowed). */
type CatalogueEvent =
  | libraries.LibrariesCopyV1Event
  | Extract<libraries.LibrariesTitleV1Event, { type: 'TitleCatalogued' }>
  | Extract<libraries.LibrariesLoanV1Event, { type: 'BookBorrowed' }>;

/** A copy's status after an event of its stream: the catalogue's availability. */
const copyStatus =
  (status: 'available' | 'on-loan' | 'on-hold-shelf' | 'lost' | 'damaged' | 'withdrawn') =>
  async ({ data }: ConsumedEvent<{ type: string; data: { copyId: string } }>, { tx, schema }: ProjectionContext) => {
    await tx.query(`update ${schema}.copies set status = $2 where copy_id = $1`, [data.copyId, status]);
  };

/**
 * Catalogue search: titles with their copies' availability, per tenant.
 * It also reads libraries.loan.v1 (times borrowed, for "popular" lists). A
 * checkout's consistency token names the loan and the copy it wrote, so it can be
 * awaited here for both the count and the availability.
 */
export const catalogue = readModel<CatalogueEvent>({
  name: 'library-catalogue',
  topics: ['libraries.title.v1', 'libraries.copy.v1', 'libraries.loan.v1'],
  tables: ['titles', 'copies', 'title_borrowings'],
  migrations: [
    (s) => `create table ${s}.titles (
      title_id text primary key, school_id text not null, title text not null, authors text[] not null,
      isbn text, item_type text not null, times_borrowed int not null default 0, catalogued_at text not null)`,
    (s) => `create index on ${s}.titles (school_id, lower(title))`,
    (s) => `create table ${s}.copies (
      copy_id text primary key, title_id text not null, school_id text not null, barcode text not null,
      shelf text not null, status text not null)`,
    (s) => `create index on ${s}.copies (title_id, status)`,
    // Times borrowed has a table of its own: BookBorrowed comes from another topic than
    // TitleCatalogued, so a replay may apply a loan before its title exists (it used to
    // be an update of the title row, which then changed nothing).
    (s) => `create table ${s}.title_borrowings (title_id text primary key, times_borrowed int not null)`,
    (s) => `alter table ${s}.titles drop column times_borrowed`,
  ],
  on: {
    async TitleCatalogued({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.titles (title_id, school_id, title, authors, isbn, item_type, catalogued_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (title_id) do nothing`,
        [data.titleId, data.schoolId, data.title, data.authors, data.isbn, data.itemType, data.cataloguedAt],
      );
    },
    async CopyAdded({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.copies (copy_id, title_id, school_id, barcode, shelf, status)
         values ($1, $2, $3, $4, $5, 'available') on conflict (copy_id) do nothing`,
        [data.copyId, data.titleId, data.schoolId, data.barcode, data.shelf],
      );
    },
    CopyLent: copyStatus('on-loan'),
    CopyCheckedIn: copyStatus('available'),
    CopyPutOnHoldShelf: copyStatus('on-hold-shelf'),
    CopyReleasedFromHoldShelf: copyStatus('available'),
    CopyMarkedLost: copyStatus('lost'),
    CopyMarkedDamaged: copyStatus('damaged'),
    CopyRepaired: copyStatus('available'),
    CopyWithdrawn: copyStatus('withdrawn'),
    async BookBorrowed({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.title_borrowings (title_id, times_borrowed) values ($1, 1)
         on conflict (title_id) do update set times_borrowed = title_borrowings.times_borrowed + 1`,
        [data.titleId],
      );
    },
  },
});
