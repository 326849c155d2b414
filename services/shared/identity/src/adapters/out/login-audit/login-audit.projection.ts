import { readModel } from '@hexfleet/eventing';
import type { ProjectionContext } from '@hexfleet/eventing';
import type { identity } from '@hexfleet/schemas';

/** The credential events the audit keeps; sessions and secrets are no part of it. */
type Audited = Extract<
  identity.IdentityCredentialV1Event,
  { type: 'LoginSucceeded' | 'LoginFailed' | 'AccountLocked' }
>;

/** One row of the audit; what an outcome does not have is null. */
interface AuditRow {
  userId: string;
  outcome: 'succeeded' | 'failed' | 'locked';
  at: string;
  reason?: string;
  secondFactor?: boolean;
  lockedUntil?: string;
  clientIp?: string | null;
  userAgent?: string | null;
}

async function insert(eventId: string, row: AuditRow, { tx, schema }: ProjectionContext): Promise<void> {
  await tx.query(
    `insert into ${schema}.login_audit
       (event_id, user_id, outcome, reason, second_factor, locked_until, client_ip, user_agent, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (event_id) do nothing`,
    [
      eventId,
      row.userId,
      row.outcome,
      row.reason ?? null,
      row.secondFactor ?? null,
      row.lockedUntil ?? null,
      row.clientIp ?? null,
      row.userAgent ?? null,
      row.at,
    ],
  );
}

/** Sign-ins, refusals and lockouts per tenant, from the internal identity.credential.v1. */
export const loginAudit = readModel<Audited>({
  name: 'identity-login-audit',
  topics: ['identity.credential.v1'],
  tables: ['login_audit'],
  migrations: [
    (s) => `create table ${s}.login_audit (
      event_id text primary key, user_id text not null, outcome text not null, reason text,
      second_factor boolean, locked_until text, client_ip text, user_agent text, at text not null)`,
    (s) => `create index on ${s}.login_audit (at desc)`,
    (s) => `create index on ${s}.login_audit (user_id, at desc)`,
  ],
  on: {
    LoginSucceeded: ({ eventId, data: d }, context) =>
      insert(
        eventId,
        { userId: d.userId, outcome: 'succeeded', at: d.succeededAt, secondFactor: d.secondFactor, ...clientOf(d) },
        context,
      ),
    LoginFailed: ({ eventId, data: d }, context) =>
      insert(
        eventId,
        { userId: d.userId, outcome: 'failed', at: d.failedAt, reason: d.reason, ...clientOf(d) },
        context,
      ),
    AccountLocked: ({ eventId, data: d }, context) =>
      insert(
        eventId,
        {
          userId: d.userId,
          outcome: 'locked',
          at: d.lockedAt,
          reason: `${d.failures} failures`,
          lockedUntil: d.lockedUntil,
        },
        context,
      ),
  },
});

function clientOf(attempt: { clientIp: string | null; userAgent: string | null }) {
  return { clientIp: attempt.clientIp, userAgent: attempt.userAgent };
}
