import type { Projection } from '@hexfleet/eventing';
import { shortType } from './event-name';
import { applyHoldEvent, applyPatronEvent } from './circulation.patrons-holds';

/**
 * Circulation: loans (a patron's loans and fines, overdue lists, what the
 * overdue job scans), holds (queue counts) and patrons (standing, who they are).
 * Dates are kept as YYYY-MM-DD text: they are school days, not instants.
 */
export const circulationProjection = (name: string): Projection => ({
  name,
  topics: ['libraries.loan.v1', 'libraries.title.v1', 'libraries.patron.v1'],
  tables: ['loans', 'holds', 'patrons'],
  migrations: [
    (s) => `create table ${s}.loans (
      loan_id text primary key, school_id text not null, patron_id text not null, copy_id text not null,
      title_id text not null, title text not null, barcode text not null, borrowed_at text not null,
      due_date text not null, renewals int not null default 0, status text not null,
      returned_on text, days_late int, last_overdue_on text, accrued_fine_minor bigint not null default 0,
      fine_minor bigint, fine_outstanding_minor bigint, currency text not null)`,
    (s) => `create index on ${s}.loans (patron_id, status)`,
    (s) => `create index on ${s}.loans (school_id, status, due_date)`,
    (s) => `create table ${s}.holds (
      hold_id text primary key, title_id text not null, school_id text not null, patron_id text not null,
      status text not null, copy_id text, pickup_by text, placed_at text not null)`,
    (s) => `create index on ${s}.holds (patron_id, status)`,
    (s) => `create table ${s}.patrons (
      patron_id text primary key, school_id text not null, user_id text, name text not null,
      category text not null, standing text not null)`,
    (s) => `create index on ${s}.patrons (user_id)`,
  ],
  async apply(event, { tx, schema }) {
    const d = event.data;
    const type = shortType(event);
    const update = (set: string, params: unknown[]) =>
      tx.query(`update ${schema}.loans set ${set} where loan_id = $1`, [d.loanId, ...params]);
    switch (type) {
      case 'BookBorrowed':
        await tx.query(
          `insert into ${schema}.loans (loan_id, school_id, patron_id, copy_id, title_id, title, barcode,
             borrowed_at, due_date, status, currency)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10) on conflict (loan_id) do nothing`,
          [
            d.loanId,
            d.schoolId,
            d.patronId,
            d.copyId,
            d.titleId,
            d.title,
            d.barcode,
            d.borrowedAt,
            d.dueDate,
            d.currency,
          ],
        );
        return;
      case 'BookRenewed':
        await update('due_date = $2, renewals = $3', [d.dueDate, d.renewals]);
        return;
      case 'LoanOverdue':
        await update(`last_overdue_on = $2, accrued_fine_minor = $3`, [d.asOf, d.accruedFineMinor]);
        return;
      case 'BookReturned':
        await update(`status = 'returned', returned_on = $2, days_late = $3`, [d.returnedOn, d.daysLate]);
        return;
      case 'ItemLost':
        await update(`status = 'lost'`, []);
        return;
      case 'FineAssessed':
        await update('fine_minor = $2, fine_outstanding_minor = $2', [d.amountMinor]);
        return;
      case 'FinePaid':
        await update('fine_outstanding_minor = $2', [d.outstandingMinor]);
        return;
      case 'FineWaived':
        await update('fine_outstanding_minor = 0', []);
        return;
      default:
        if (event.origin.topic === 'libraries.title.v1') await applyHoldEvent(type, d, tx, schema);
        else if (event.origin.topic === 'libraries.patron.v1') await applyPatronEvent(type, d, tx, schema);
    }
  },
});
