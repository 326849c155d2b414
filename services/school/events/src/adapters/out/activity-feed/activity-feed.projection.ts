import type { Projection } from '@hexfleet/eventing';

/**
 * The school's activity feed, fed by other modules' events. For now the
 * library's: who borrowed and returned what (libraries.loan.v1, decoded with
 * the libraries contracts this service lists). A return names no title, so it
 * takes the one its loan's BookBorrowed brought (same stream, same partition:
 * the borrow is always applied first).
 */
export const activityFeedProjection = (name: string): Projection => ({
  name,
  topics: ['libraries.loan.v1'],
  tables: ['activity', 'activity_loans'],
  migrations: [
    (s) => `create table ${s}.activity (
      event_id text primary key, school_id text not null, kind text not null, subject text not null,
      actor_id text, ref_id text not null, occurred_at text not null)`,
    (s) => `create index on ${s}.activity (school_id, occurred_at desc)`,
    (s) => `create table ${s}.activity_loans (loan_id text primary key, title text not null)`,
  ],
  async apply(event, { tx, schema }) {
    const d = event.data;
    const type = event.type.slice(event.type.lastIndexOf('.') + 1);
    if (type !== 'BookBorrowed' && type !== 'BookReturned') return;
    let title = typeof d.title === 'string' ? d.title : '';
    if (type === 'BookBorrowed') {
      await tx.query(
        `insert into ${schema}.activity_loans (loan_id, title) values ($1, $2) on conflict (loan_id) do nothing`,
        [d.loanId, title],
      );
    } else {
      const { rows } = await tx.query<{ title: string }>(
        `select title from ${schema}.activity_loans where loan_id = $1`,
        [d.loanId],
      );
      title = rows[0]?.title ?? '';
    }
    await tx.query(
      `insert into ${schema}.activity (event_id, school_id, kind, subject, actor_id, ref_id, occurred_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id) do nothing`,
      [
        event.eventId,
        d.schoolId,
        type === 'BookBorrowed' ? 'book-borrowed' : 'book-returned',
        title,
        d.patronId,
        d.loanId,
        type === 'BookBorrowed' ? d.borrowedAt : d.returnedAt,
      ],
    );
  },
});
