import type { Projection } from '@hexfleet/eventing';
import { shortType } from './users.projection';

/** Sign-ins, refusals and lockouts per tenant, from the internal identity.credential.v1; its secrets are ignored. */
export const loginAuditProjection = (name: string): Projection => ({
  name,
  topics: ['identity.credential.v1'],
  tables: ['login_audit'],
  migrations: [
    (s) => `create table ${s}.login_audit (
      event_id text primary key, user_id text not null, outcome text not null, reason text,
      second_factor boolean, locked_until text, client_ip text, user_agent text, at text not null)`,
    (s) => `create index on ${s}.login_audit (at desc)`,
    (s) => `create index on ${s}.login_audit (user_id, at desc)`,
  ],
  async apply(event, { tx, schema }) {
    const d = event.data;
    const row = (
      outcome: string,
      at: unknown,
      extra: { reason?: unknown; secondFactor?: unknown; lockedUntil?: unknown },
    ) =>
      tx.query(
        `insert into ${schema}.login_audit
           (event_id, user_id, outcome, reason, second_factor, locked_until, client_ip, user_agent, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (event_id) do nothing`,
        [
          event.eventId,
          d.userId,
          outcome,
          extra.reason ?? null,
          extra.secondFactor ?? null,
          extra.lockedUntil ?? null,
          d.clientIp ?? null,
          d.userAgent ?? null,
          at,
        ],
      );
    switch (shortType(event)) {
      case 'LoginSucceeded':
        await row('succeeded', d.succeededAt, { secondFactor: d.secondFactor });
        return;
      case 'LoginFailed':
        await row('failed', d.failedAt, { reason: d.reason });
        return;
      case 'AccountLocked':
        await row('locked', d.lockedAt, { reason: `${String(d.failures)} failures`, lockedUntil: d.lockedUntil });
        return;
      default:
        return; // sessions and secrets are no part of the audit
    }
  },
});
