import type { Projection } from '@hexfleet/eventing';
import { shortType } from './event-name';

/** Copy status after each copy event: the catalogue's availability. */
const COPY_STATUS: Record<string, string> = {
  CopyAdded: 'available',
  CopyLent: 'on-loan',
  CopyCheckedIn: 'available',
  CopyPutOnHoldShelf: 'on-hold-shelf',
  CopyReleasedFromHoldShelf: 'available',
  CopyMarkedLost: 'lost',
  CopyMarkedDamaged: 'damaged',
  CopyRepaired: 'available',
  CopyWithdrawn: 'withdrawn',
};

/**
 * Catalogue search: titles with their copies' availability, per tenant.
 * It also reads libraries.loan.v1 (times borrowed, for "popular" lists). A
 * checkout's consistency token names the loan and the copy it wrote, so it can be
 * awaited here for both the count and the availability.
 */
export const catalogueProjection = (name: string): Projection => ({
  name,
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
  async apply(event, { tx, schema }) {
    const d = event.data;
    const type = shortType(event);
    if (type === 'TitleCatalogued') {
      await tx.query(
        `insert into ${schema}.titles (title_id, school_id, title, authors, isbn, item_type, catalogued_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (title_id) do nothing`,
        [d.titleId, d.schoolId, d.title, d.authors, d.isbn, d.itemType, d.cataloguedAt],
      );
    } else if (type === 'CopyAdded') {
      await tx.query(
        `insert into ${schema}.copies (copy_id, title_id, school_id, barcode, shelf, status)
         values ($1, $2, $3, $4, $5, 'available') on conflict (copy_id) do nothing`,
        [d.copyId, d.titleId, d.schoolId, d.barcode, d.shelf],
      );
    } else if (COPY_STATUS[type]) {
      await tx.query(`update ${schema}.copies set status = $2 where copy_id = $1`, [d.copyId, COPY_STATUS[type]]);
    } else if (type === 'BookBorrowed') {
      await tx.query(
        `insert into ${schema}.title_borrowings (title_id, times_borrowed) values ($1, 1)
         on conflict (title_id) do update set times_borrowed = title_borrowings.times_borrowed + 1`,
        [d.titleId],
      );
    }
  },
});
