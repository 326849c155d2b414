import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { profile } from '@hexfleet/schemas';
import { profileDecider, type ProfileState } from '../../../domain';

type Active = Exclude<ProfileState, { status: 'none' }>;

/** What the directory search matches: names and every email, lower-cased. */
function searchText(state: Active): string {
  const { fullName, preferredName, emails } = state.fields;
  return [fullName, preferredName ?? '', ...emails.map((e) => e.address)].join(' ').toLowerCase();
}

/** The columns every event rewrites: the state (`doc`) and what the directory sorts and searches on. */
const stateColumns = (userId: string, state: Active) => [
  userId,
  state.product,
  state.status,
  state.fields.fullName,
  searchText(state),
  state,
];

/**
 * Folds one event into the user's row with the decider's own evolve (the row
 * is locked first, so two events of one user never fold the same old state).
 */
async function evolveRow(
  userId: string,
  event: ConsumedEvent<profile.ProfileProfileV1Event>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  const { rows } = await tx.query<{ doc: ProfileState }>(
    `select doc from ${schema}.profiles where user_id = $1 for update`,
    [userId],
  );
  const state = profileDecider.evolve(rows[0]?.doc ?? { status: 'none' }, event);
  if (state.status === 'none') return;
  await tx.query(
    `update ${schema}.profiles set product = $2, status = $3, full_name = $4, search = $5, doc = $6 where user_id = $1`,
    stateColumns(userId, state),
  );
}

/**
 * Profiles: one row per user holding the domain's own state (folded with the
 * decider's evolve, so the read model cannot drift from what commands see),
 * plus the columns the directory sorts and searches on. A guardian link is
 * also a row of its own: "whose guardian am I" is a lookup by guardian.
 */
export const profileDirectory = readModel<profile.ProfileProfileV1Event>({
  name: 'profile-directory',
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
  on: {
    async ProfileCreated(event, { tx, schema }) {
      const { userId, employeeId, studentId, createdAt } = event.data;
      const state = profileDecider.evolve({ status: 'none' }, event);
      if (state.status === 'none') return;
      await tx.query(
        `insert into ${schema}.profiles (user_id, product, status, full_name, search, doc, employee_id, student_id, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (user_id) do nothing`,
        [...stateColumns(userId, state), employeeId, studentId, createdAt],
      );
    },
    ProfileUpdated: (event, context) => evolveRow(event.data.userId, event, context),
    PreferencesChanged: (event, context) => evolveRow(event.data.userId, event, context),
    ProfileArchived: (event, context) => evolveRow(event.data.userId, event, context),
    ProfileRestored: (event, context) => evolveRow(event.data.userId, event, context),
    async GuardianLinked(event, context) {
      const { studentUserId, guardianUserId, relationship, primary, linkedAt } = event.data;
      await context.tx.query(
        `insert into ${context.schema}.guardian_links (student_user_id, guardian_user_id, relationship, is_primary, linked_at)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [studentUserId, guardianUserId, relationship, primary, linkedAt],
      );
      await evolveRow(studentUserId, event, context);
    },
    async GuardianUnlinked(event, context) {
      const { studentUserId, guardianUserId } = event.data;
      await context.tx.query(
        `delete from ${context.schema}.guardian_links where student_user_id = $1 and guardian_user_id = $2`,
        [studentUserId, guardianUserId],
      );
      await evolveRow(studentUserId, event, context);
    },
    async PrimaryGuardianChanged(event, context) {
      const { studentUserId, guardianUserId } = event.data;
      await context.tx.query(
        `update ${context.schema}.guardian_links set is_primary = (guardian_user_id = $2) where student_user_id = $1`,
        [studentUserId, guardianUserId],
      );
      await evolveRow(studentUserId, event, context);
    },
  },
});
