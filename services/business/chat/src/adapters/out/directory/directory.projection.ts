import { readModel } from '@hexfleet/eventing';
import type { identity } from '@hexfleet/schemas';
import { handleOf } from '../../../domain/mentions';

/** The identity events the directory reads; the rest of identity.user.v1 passes by. */
type UserFacts = Extract<
  identity.IdentityUserV1Event,
  { type: 'UserRegistered' | 'UserDeactivated' | 'UserReactivated' }
>;

/**
 * The tenant's people as chat needs them: who `@handle` names (the login email's local part),
 * their display name, and whether they are active (a deactivated user is added to no channel).
 */
export const directory = readModel<UserFacts>({
  name: 'chat-directory',
  topics: ['identity.user.v1'],
  tables: ['users'],
  migrations: [
    (schema) => `create table ${schema}.users (
      user_id text primary key,
      handle text not null,
      display_name text not null,
      active boolean not null default true)`,
    (schema) => `create index on ${schema}.users (handle)`,
  ],
  on: {
    async UserRegistered({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.users (user_id, handle, display_name) values ($1, $2, $3)
         on conflict (user_id) do update set handle = excluded.handle, display_name = excluded.display_name`,
        [data.userId, handleOf(data.email), data.displayName],
      );
    },
    async UserDeactivated({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.users set active = false where user_id = $1`, [data.userId]);
    },
    async UserReactivated({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.users set active = true where user_id = $1`, [data.userId]);
    },
  },
});
