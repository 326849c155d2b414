import { readModel } from '@hexfleet/eventing';
import type { identity } from '@hexfleet/schemas';

/**
 * The users directory, per tenant, from the public identity.user.v1: every
 * event of it but PasswordChanged and GuardianshipRecorded, which show nowhere
 * in the directory (an account's guardianships are on GET /users/:id, from its stream).
 *
 * The login audit is a read model of its own: a user's user and credential
 * streams share the aggregate id (the user id), so their Kafka keys are equal,
 * and one projection over both topics would take the second stream's events
 * for duplicates of the first's (it deduplicates by key and version).
 */
export const usersDirectory = readModel<
  Exclude<identity.IdentityUserV1Event, { type: 'PasswordChanged' | 'GuardianshipRecorded' }>
>({
  name: 'identity-users',
  topics: ['identity.user.v1'],
  tables: ['users'],
  migrations: [
    (s) => `create table ${s}.users (
      user_id text primary key, email text not null, display_name text not null, status text not null,
      email_verified boolean not null default false, registered_via text not null, employee_id text, student_id text,
      grants jsonb not null default '[]', registered_at text not null)`,
    (s) => `create index on ${s}.users (lower(display_name), user_id)`,
  ],
  on: {
    async UserRegistered({ data: u }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.users (user_id, email, display_name, status, registered_via, employee_id, student_id, registered_at)
         values ($1, $2, $3, 'active', $4, $5, $6, $7) on conflict (user_id) do nothing`,
        [u.userId, u.email, u.displayName, u.registeredVia, u.employeeId, u.studentId, u.registeredAt],
      );
    },
    async EmailVerified({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.users set email_verified = true where user_id = $1`, [data.userId]);
    },
    async RoleGranted({ data }, { tx, schema }) {
      const grant = { role: data.role, scopeType: data.scopeType, scopeId: data.scopeId };
      await tx.query(`update ${schema}.users set grants = grants || $2::jsonb where user_id = $1`, [
        data.userId,
        JSON.stringify([grant]),
      ]);
    },
    async RoleRevoked({ data }, { tx, schema }) {
      await tx.query(
        `update ${schema}.users set grants = coalesce((select jsonb_agg(g) from jsonb_array_elements(grants) g
           where not (g->>'role' = $2 and g->>'scopeType' = $3 and g->>'scopeId' is not distinct from $4)), '[]')
         where user_id = $1`,
        [data.userId, data.role, data.scopeType, data.scopeId],
      );
    },
    async UserDeactivated({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.users set status = 'deactivated' where user_id = $1`, [data.userId]);
    },
    async UserReactivated({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.users set status = 'active' where user_id = $1`, [data.userId]);
    },
  },
});
