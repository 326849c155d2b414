import { readModel } from '@hexfleet/eventing';
import type { ProjectionContext } from '@hexfleet/eventing';
import type { libraries } from '@hexfleet/schemas';

/** One line of the feed; the event's id is the line's, so a redelivered event adds nothing. */
interface ActivityLine {
  eventId: string;
  schoolId: string;
  kind: 'book-borrowed' | 'book-returned';
  subject: string;
  actorId: string;
  refId: string;
  occurredAt: string;
}

async function addLine(line: ActivityLine, { tx, schema }: ProjectionContext): Promise<void> {
  await tx.query(
    `insert into ${schema}.activity (event_id, school_id, kind, subject, actor_id, ref_id, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id) do nothing`,
    [line.eventId, line.schoolId, line.kind, line.subject, line.actorId, line.refId, line.occurredAt],
  );
}

/**
 * The school's activity feed, fed by other modules' events. For now the
 * library's: who borrowed and returned what (libraries.loan.v1, decoded with
 * the libraries contracts this service lists). A return names no title, so it
 * takes the one its loan's BookBorrowed brought (same stream, same partition:
 * the borrow is always applied first).
 */
export const activityFeed = readModel<
  Extract<libraries.LibrariesLoanV1Event, { type: 'BookBorrowed' | 'BookReturned' }>
>({
  name: 'school-activity',
  topics: ['libraries.loan.v1'],
  tables: ['activity', 'activity_loans'],
  migrations: [
    (s) => `create table ${s}.activity (
      event_id text primary key, school_id text not null, kind text not null, subject text not null,
      actor_id text, ref_id text not null, occurred_at text not null)`,
    (s) => `create index on ${s}.activity (school_id, occurred_at desc)`,
    (s) => `create table ${s}.activity_loans (loan_id text primary key, title text not null)`,
  ],
  on: {
    async BookBorrowed({ eventId, data }, context) {
      await context.tx.query(
        `insert into ${context.schema}.activity_loans (loan_id, title) values ($1, $2) on conflict (loan_id) do nothing`,
        [data.loanId, data.title],
      );
      const { schoolId, title: subject, patronId: actorId, loanId: refId, borrowedAt: occurredAt } = data;
      await addLine({ eventId, schoolId, kind: 'book-borrowed', subject, actorId, refId, occurredAt }, context);
    },
    async BookReturned({ eventId, data }, context) {
      const { rows } = await context.tx.query<{ title: string }>(
        `select title from ${context.schema}.activity_loans where loan_id = $1`,
        [data.loanId],
      );
      const { schoolId, patronId: actorId, loanId: refId, returnedAt: occurredAt } = data;
      const subject = rows[0]?.title ?? '';
      await addLine({ eventId, schoolId, kind: 'book-returned', subject, actorId, refId, occurredAt }, context);
    },
  },
});
