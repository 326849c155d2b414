import { readModel } from '@hexfleet/eventing';
import type { EventHandlers, ProjectionContext } from '@hexfleet/eventing';
import type { libraries } from '@hexfleet/schemas';
import { holdHandlers, patronHandlers } from './circulation.patrons-holds';
import type { HoldEvent } from './circulation.patrons-holds';

/** Sets columns of one loan: `set` names them as `$2`, `$3`, ... in the order of `values`. */
const updateLoan = ({ tx, schema }: ProjectionContext, loanId: string, set: string, values: unknown[] = []) =>
  tx.query(`update ${schema}.loans set ${set} where loan_id = $1`, [loanId, ...values]);

const loanHandlers: EventHandlers<libraries.LibrariesLoanV1Event> = {
  async BookBorrowed({ data }, { tx, schema }) {
    await tx.query(
      `insert into ${schema}.loans (loan_id, school_id, patron_id, copy_id, title_id, title, barcode,
         borrowed_at, due_date, status, currency)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10) on conflict (loan_id) do nothing`,
      [
        data.loanId,
        data.schoolId,
        data.patronId,
        data.copyId,
        data.titleId,
        data.title,
        data.barcode,
        data.borrowedAt,
        data.dueDate,
        data.currency,
      ],
    );
  },
  async BookRenewed({ data }, context) {
    await updateLoan(context, data.loanId, 'due_date = $2, renewals = $3', [data.dueDate, data.renewals]);
  },
  async LoanOverdue({ data }, context) {
    await updateLoan(context, data.loanId, 'last_overdue_on = $2, accrued_fine_minor = $3', [
      data.asOf,
      data.accruedFineMinor,
    ]);
  },
  async BookReturned({ data }, context) {
    await updateLoan(context, data.loanId, `status = 'returned', returned_on = $2, days_late = $3`, [
      data.returnedOn,
      data.daysLate,
    ]);
  },
  async ItemLost({ data }, context) {
    await updateLoan(context, data.loanId, `status = 'lost'`);
  },
  async FineAssessed({ data }, context) {
    await updateLoan(context, data.loanId, 'fine_minor = $2, fine_outstanding_minor = $2', [data.amountMinor]);
  },
  async FinePaid({ data }, context) {
    await updateLoan(context, data.loanId, 'fine_outstanding_minor = $2', [data.outstandingMinor]);
  },
  async FineWaived({ data }, context) {
    await updateLoan(context, data.loanId, 'fine_outstanding_minor = 0');
  },
};

/**
 * Circulation: loans (a patron's loans and fines, overdue lists, what the
 * overdue job scans), holds (queue counts, what the expiry job scans) and
 * patrons (standing, who they are). Dates are kept as YYYY-MM-DD text: they
 * are school days, not instants.
 */
export const circulation = readModel<libraries.LibrariesLoanV1Event | HoldEvent | libraries.LibrariesPatronV1Event>({
  name: 'library-circulation',
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
  on: { ...loanHandlers, ...holdHandlers, ...patronHandlers },
});
