import type { PoolClient } from 'pg';

/** Channel the store notifies on commit, so the relay wakes without polling. */
export const APPENDED_CHANNEL = 'eventstore_appended';

/**
 * The event store's tables. The events table is also the outbox: an event is
 * published because it was committed here, with nothing else to write.
 * `transaction_id` lets the relay read only what no open transaction can
 * still precede (see relay.ts).
 */
const DDL = `
create schema if not exists eventstore;

create table if not exists eventstore.events (
  global_position bigserial primary key,
  stream_id       text        not null,
  stream_version  integer     not null check (stream_version > 0),
  event_id        uuid        not null unique,
  event_type      text        not null,
  payload         jsonb       not null,
  metadata        jsonb       not null default '{}',
  tenant          text        not null,
  recorded_at     timestamptz not null default now(),
  transaction_id  xid8        not null default pg_current_xact_id(),
  unique (stream_id, stream_version)
);

-- The relay reads in (transaction_id, global_position) order; see relay.ts for why.
create index if not exists events_relay_order on eventstore.events (transaction_id, global_position);

-- One append in one round trip: the version check, the insert and the wake-up call for the relay.
-- Called alone it is its own transaction; inside a caller's transaction it must be the first write,
-- and is: the version is read before the insert takes the transaction's id (see relay.ts).
-- A stale expected version raises HX409 with the stream's actual version as its detail.
create or replace function eventstore.append_to_stream(
  p_stream text, p_tenant text, p_expected integer,
  p_ids uuid[], p_types text[], p_payloads jsonb[], p_metadata jsonb[]
) returns integer language plpgsql as $fn$
declare
  actual integer;
begin
  select coalesce(max(stream_version), 0) into actual from eventstore.events where stream_id = p_stream;
  if actual <> p_expected then
    raise exception 'stream % is at version %, not %', p_stream, actual, p_expected
      using errcode = 'HX409', detail = actual::text;
  end if;
  insert into eventstore.events (stream_id, stream_version, event_id, event_type, payload, metadata, tenant)
  select p_stream, p_expected + e.n::integer, e.id, e.t, e.p, e.m, p_tenant
  from unnest(p_ids, p_types, p_payloads, p_metadata) with ordinality as e(id, t, p, m, n);
  perform pg_notify('${APPENDED_CHANNEL}', '');
  return p_expected + cardinality(p_ids);
end
$fn$;

-- Where each relay got to: the last (transaction, position) it published.
create table if not exists eventstore.relay_checkpoints (
  name           text        primary key,
  transaction_id xid8        not null default '0',
  position       bigint      not null default 0,
  updated_at     timestamptz not null default now()
);
`;

/** Creates the schema once; concurrent starters serialize on an advisory lock. */
export async function migrateEventStore(client: PoolClient): Promise<void> {
  await client.query('begin');
  try {
    await client.query(`select pg_advisory_xact_lock(hashtext('eventstore.migrate'))`);
    await client.query(DDL);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
