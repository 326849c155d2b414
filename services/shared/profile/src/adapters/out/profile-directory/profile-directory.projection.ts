import type { ConsumedEvent, Projection } from '@hexfleet/eventing';
import type { PoolClient } from 'pg';
import type { profile } from '@hexfleet/schemas';
import { profileDecider, type ProfileEvent, type ProfileState } from '../../domain';

const shortType = (event: ConsumedEvent) => event.type.slice(event.type.lastIndexOf('.') + 1);

/** What the directory search matches: names and every email, lower-cased. */
function searchText(state: ProfileState): string {
  if (state.status === 'none') return '';
  const { fullName, preferredName, emails } = state.fields;
  return [fullName, preferredName ?? '', ...emails.map((e) => e.address)].join(' ').toLowerCase();
}

/** A guardian link is also a row of its own: "whose guardian am I" is a lookup by guardian. */
async function applyLink(type: string, data: Record<string, unknown>, tx: PoolClient, schema: string) {
  const d = data as unknown as profile.GuardianLinkedData & profile.PrimaryGuardianChangedData;
  if (type === 'GuardianLinked')
    await tx.query(
      `insert into ${schema}.guardian_links (student_user_id, guardian_user_id, relationship, is_primary, linked_at)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [d.studentUserId, d.guardianUserId, d.relationship, d.primary, d.linkedAt],
    );
  else if (type === 'GuardianUnlinked')
    await tx.query(`delete from ${schema}.guardian_links where student_user_id = $1 and guardian_user_id = $2`, [
      d.studentUserId,
      d.guardianUserId,
    ]);
  else if (type === 'PrimaryGuardianChanged')
    await tx.query(
      `update ${schema}.guardian_links set is_primary = (guardian_user_id = $2) where student_user_id = $1`,
      [d.studentUserId, d.guardianUserId],
    );
}

/**
 * Profiles: one row per user holding the domain's own state (folded with the
 * decider's evolve, so the read model cannot drift from what commands see),
 * plus the columns the directory sorts and searches on, and guardian links.
 */
export const profilesProjection = (name: string): Projection => ({
  name,
  topics: ['profile.profile.v1'],
  tables: ['profiles', 'guardian_links'],
  migrations: [
    (s) => `create table ${s}.profiles (
      user_id text primary key, product text not null, status text not null, full_name text not null,
      search text not null, employee_id text, student_id text, created_at text not null, doc jsonb not null)`,
    (s) => `create index on ${s}.profiles (status, full_name, user_id)`,
    (s) => `create table ${s}.guardian_links (
      student_user_id text not null, guardian_user_id text not null, relationship text not null,
      is_primary boolean not null, linked_at text not null, primary key (student_user_id, guardian_user_id))`,
    (s) => `create index on ${s}.guardian_links (guardian_user_id)`,
  ],
  async apply(event, { tx, schema }) {
    const type = shortType(event);
    const data = event.data;
    const userId = String(data.userId ?? data.studentUserId);
    await applyLink(type, data, tx, schema);
    const { rows } = await tx.query<{ doc: ProfileState }>(
      `select doc from ${schema}.profiles where user_id = $1 for update`,
      [userId],
    );
    const state = profileDecider.evolve(rows[0]?.doc ?? { status: 'none' }, { type, data } as unknown as ProfileEvent);
    if (state.status === 'none') return;
    const columns = [userId, state.product, state.status, state.fields.fullName, searchText(state), state];
    if (type === 'ProfileCreated') {
      const created = data as unknown as profile.ProfileCreatedData;
      await tx.query(
        `insert into ${schema}.profiles (user_id, product, status, full_name, search, doc, employee_id, student_id, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (user_id) do nothing`,
        [...columns, created.employeeId, created.studentId, created.createdAt],
      );
    } else {
      await tx.query(
        `update ${schema}.profiles set product = $2, status = $3, full_name = $4, search = $5, doc = $6
         where user_id = $1`,
        columns,
      );
    }
  },
});
