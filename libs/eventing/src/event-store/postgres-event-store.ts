import type { TenantId } from '@hexfleet/kernel';
import type { Pool, PoolClient } from 'pg';
import { ConcurrencyError, DuplicateEventError, NewEvent, RecordedEvent } from './events';
import { migrateEventStore } from './schema';

const UNIQUE_VIOLATION = '23505';
/** Raised by eventstore.append_to_stream when the expected version is not the stream's. */
const STALE_VERSION = 'HX409';

interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  payload: unknown;
  metadata: RecordedEvent['metadata'];
  tenant: TenantId;
  recorded_at: Date;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  globalPosition: BigInt(row.global_position),
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  eventId: row.event_id,
  type: row.event_type,
  data: row.payload,
  metadata: row.metadata,
  tenant: row.tenant,
  recordedAt: row.recorded_at,
});

export interface StreamAppend {
  streamId: string;
  tenant: TenantId;
  events: NewEvent[];
  expectedVersion: number;
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  lastEventId: string;
}

export interface EventStoreOptions {
  /** Told about every successful append: for latency metrics. */
  onAppend?: (seconds: number, events: number) => void;
}

export class PostgresEventStore {
  constructor(
    private readonly pool: Pool,
    private readonly options: EventStoreOptions = {},
  ) {}

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await migrateEventStore(client);
    } finally {
      client.release();
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      'select * from eventstore.events where stream_id = $1 order by stream_version',
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  /** The stream's events after `version` (a fold cache's catch-up: only what it has not seen). */
  async readStreamAfter(streamId: string, version: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      'select * from eventstore.events where stream_id = $1 and stream_version > $2 order by stream_version',
      [streamId, version],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * Appends in one transaction, at `expectedVersion` (0 for a new stream).
   * A concurrent writer that got there first makes this throw ConcurrencyError:
   * the version check catches a stale reader, the unique key catches a race.
   */
  async append(streamId: string, tenant: TenantId, events: NewEvent[], expectedVersion: number): Promise<AppendResult> {
    const [result] = await this.appendAll([{ streamId, tenant, events, expectedVersion }]);
    return result;
  }

  /**
   * Appends to several streams in one transaction, each at the version its
   * caller read: all land or none. Read every stream before calling, so the
   * transaction's first write comes after every read (the relay's order, ADR 0005).
   * One stream needs no transaction of ours: the store's function is one statement,
   * so the whole append is one round trip.
   */
  async appendAll(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const started = performance.now();
    const client = await this.pool.connect();
    const inTransaction = appends.length > 1;
    let current: StreamAppend | undefined;
    try {
      if (inTransaction) await client.query('begin');
      const results: AppendResult[] = [];
      for (current of appends) {
        results.push(await appendIn(client, current.streamId, current.tenant, current.events, current.expectedVersion));
      }
      if (inTransaction) await client.query('commit');
      const count = appends.reduce((sum, a) => sum + a.events.length, 0);
      this.options.onAppend?.((performance.now() - started) / 1000, count);
      return results;
    } catch (error) {
      if (inTransaction) await client.query('rollback').catch(() => undefined);
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (current && code === UNIQUE_VIOLATION && constraint === 'events_stream_id_stream_version_key') {
        // Read it on the connection we hold rather than waiting for another from a busy pool.
        const actual = await currentVersion(client, current.streamId);
        throw new ConcurrencyError(current.streamId, current.expectedVersion, actual);
      }
      if (current && code === UNIQUE_VIOLATION && constraint === 'events_event_id_key') {
        throw new DuplicateEventError(current.streamId);
      }
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * Appends with the store's own function (schema.ts): version check, insert and the relay's
 * wake-up in one statement. Inside the caller's open transaction it must be the transaction's
 * first write: the relay relies on an append's transaction id being taken after it read the
 * stream's version. A stale reader gets ConcurrencyError; a racing writer's unique-key
 * violation is the caller's to map (appendAll does).
 */
export async function appendIn(
  client: PoolClient,
  streamId: string,
  tenant: TenantId,
  events: NewEvent[],
  expectedVersion: number,
): Promise<AppendResult> {
  if (events.length === 0) throw new Error('append needs at least one event');
  try {
    await client.query(
      `select eventstore.append_to_stream($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])`,
      [
        streamId,
        tenant,
        expectedVersion,
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata ?? {})),
      ],
    );
  } catch (error) {
    const { code, detail } = error as { code?: string; detail?: string };
    if (code === STALE_VERSION) throw new ConcurrencyError(streamId, expectedVersion, Number(detail));
    throw error;
  }
  return { nextVersion: expectedVersion + events.length, lastEventId: events[events.length - 1].eventId };
}

async function currentVersion(db: Pool | PoolClient, streamId: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    'select coalesce(max(stream_version), 0)::int as version from eventstore.events where stream_id = $1',
    [streamId],
  );
  return rows[0].version;
}
