import type { ConsumedEvent, Projection } from '@hexfleet/eventing';
import type { identity } from '@hexfleet/schemas';

const shortType = (event: ConsumedEvent) => event.type.slice(event.type.lastIndexOf('.') + 1);

/**
 * The users directory and the login audit, per tenant. One projection over
 * both public user events and the internal credential events, so a command's
 * consistency token (which names the user or the credential stream) can be
 * awaited here whichever it names. Secrets in credential events are ignored.
 */
export const directoryProjection = (name: string): Projection => ({
  name,
  topics: ['identity.user.v1', 'identity.credential.v1'],
  tables: ['users', 'login_audit'],
  migrations: [
    (s) => `create table ${s}.users (
      user_id text primary key, email text not null, display_name text not null, status text not null,
      email_verified boolean not null default false, registered_via text not null, employee_id text, student_id text,
      grants jsonb not null default '[]', registered_at text not null)`,
    (s) => `create index on ${s}.users (lower(display_name), user_id)`,
    (s) => `create table ${s}.login_audit (
      event_id text primary key, user_id text not null, outcome text not null, reason text,
      second_factor boolean, locked_until text, client_ip text, user_agent text, at text not null)`,
    (s) => `create index on ${s}.login_audit (at desc)`,
    (s) => `create index on ${s}.login_audit (user_id, at desc)`,
  ],
  async apply(event, { tx, schema }) {
    const type = shortType(event);
    const d = event.data;
    const audit = (
      outcome: string,
      values: { reason?: unknown; secondFactor?: unknown; lockedUntil?: unknown; at: unknown },
    ) =>
      tx.query(
        `insert into ${schema}.login_audit (event_id, user_id, outcome, reason, second_factor, locked_until, client_ip, user_agent, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (event_id) do nothing`,
        [
          event.eventId,
          d.userId,
          outcome,
          values.reason ?? null,
          values.secondFactor ?? null,
          values.lockedUntil ?? null,
          d.clientIp ?? null,
          d.userAgent ?? null,
          values.at,
        ],
      );
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
      case 'LoginSucceeded':
        await audit('succeeded', { secondFactor: d.secondFactor, at: d.succeededAt });
        return;
      case 'LoginFailed':
        await audit('failed', { reason: d.reason, at: d.failedAt });
        return;
      case 'AccountLocked':
        await audit('locked', { reason: `${String(d.failures)} failures`, lockedUntil: d.lockedUntil, at: d.lockedAt });
        return;
      default:
        return; // sessions, secrets and login ids are not part of the directory
    }
  },
});
