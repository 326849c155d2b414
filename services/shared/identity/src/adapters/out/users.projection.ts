import type { ConsumedEvent, Projection } from '@hexfleet/eventing';
import type { identity } from '@hexfleet/schemas';

export const shortType = (event: ConsumedEvent) => event.type.slice(event.type.lastIndexOf('.') + 1);

/**
 * The users directory, per tenant, from the public identity.user.v1.
 *
 * The login audit is a projection of its own: a user's user and credential
 * streams share the aggregate id (the user id), so their Kafka keys are equal,
 * and one projection over both topics would take the second stream's events
 * for duplicates of the first's (it deduplicates by key and version).
 */
export const usersProjection = (name: string): Projection => ({
  name,
  topics: ['identity.user.v1'],
  tables: ['users'],
  migrations: [
    (s) => `create table ${s}.users (
      user_id text primary key, email text not null, display_name text not null, status text not null,
      email_verified boolean not null default false, registered_via text not null, employee_id text, student_id text,
      grants jsonb not null default '[]', registered_at text not null)`,
    (s) => `create index on ${s}.users (lower(display_name), user_id)`,
  ],
  async apply(event, { tx, schema }) {
    const type = shortType(event);
    const d = event.data;
    switch (type) {
      case 'UserRegistered': {
        const u = d as unknown as identity.UserRegisteredData;
        await tx.query(
          `insert into ${schema}.users (user_id, email, display_name, status, registered_via, employee_id, student_id, registered_at)
           values ($1, $2, $3, 'active', $4, $5, $6, $7) on conflict (user_id) do nothing`,
          [u.userId, u.email, u.displayName, u.registeredVia, u.employeeId, u.studentId, u.registeredAt],
        );
        return;
      }
      case 'EmailVerified':
        await tx.query(`update ${schema}.users set email_verified = true where user_id = $1`, [d.userId]);
        return;
      case 'RoleGranted': {
        const grant = { role: d.role, scopeType: d.scopeType, scopeId: d.scopeId };
        await tx.query(`update ${schema}.users set grants = grants || $2::jsonb where user_id = $1`, [
          d.userId,
          JSON.stringify([grant]),
        ]);
        return;
      }
      case 'RoleRevoked':
        await tx.query(
          `update ${schema}.users set grants = coalesce((select jsonb_agg(g) from jsonb_array_elements(grants) g
             where not (g->>'role' = $2 and g->>'scopeType' = $3 and g->>'scopeId' is not distinct from $4)), '[]')
           where user_id = $1`,
          [d.userId, d.role, d.scopeType, d.scopeId],
        );
        return;
      case 'UserDeactivated':
      case 'UserReactivated':
        await tx.query(`update ${schema}.users set status = $2 where user_id = $1`, [
          d.userId,
          type === 'UserDeactivated' ? 'deactivated' : 'active',
        ]);
        return;
      default:
        return; // a password change shows nowhere in the directory
    }
  },
});
