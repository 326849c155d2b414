import { TenantId } from '@hexfleet/kernel';
import type { Pool } from 'pg';
import type { AppendResult } from '../event-store/postgres-event-store';
import { tenantSchema } from './tenant-schemas';

/**
 * Read-your-writes: a command answers with `X-Consistency-Token` naming the last
 * event it appended to each stream it wrote (where it sits in its stream, and the
 * topic it is published on); a query that sends it back waits, bounded, until the
 * projection has applied those events. A token speaks for its own stream only: a
 * client that wrote to several streams (four hires are four employee streams,
 * projected from different partitions) sends every token it holds, as an HTTP list
 * (`X-Consistency-Token: t1, t2`), and the query waits for all of them, except the
 * ones on topics its projection does not read (ADR 0030).
 */
export interface ConsistencyPoint {
  eventId: string;
  /** The stream, `<tenant>/<aggregate>/<id>` (tokens issued before: the Kafka key `<tenant>:<id>`). */
  streamKey: string;
  version: number;
  /** The topic the event is published on; absent in tokens issued before topics were named. */
  topic?: string;
}

/** Whether a token's stream is the tenant's (either spelling). */
export const belongsTo = (point: ConsistencyPoint, tenant: string) =>
  point.streamKey.startsWith(`${tenant}/`) || point.streamKey.startsWith(`${tenant}:`);

/** How many tokens one query may wait for: enough for a form's worth of writes, bounded for the database. */
export const MAX_TOKENS = 32;

export const ConsistencyToken = {
  /** For the response of a command that appended to `streamId` (`<tenant>/<aggregate>/<id>`). */
  forAppend(streamId: string, result: AppendResult, topic?: string): string {
    return ConsistencyToken.encode({
      eventId: result.lastEventId,
      streamKey: streamId,
      version: result.nextVersion,
      ...(topic ? { topic } : {}),
    });
  },
  encode(point: ConsistencyPoint): string {
    const fields = [point.eventId, point.streamKey, point.version, ...(point.topic ? [point.topic] : [])];
    return Buffer.from(JSON.stringify(fields)).toString('base64url');
  },
  /** Several tokens as one header value: the HTTP list a query sends back. */
  encodeList(points: readonly ConsistencyPoint[]): string {
    return points.map((point) => ConsistencyToken.encode(point)).join(', ');
  },
  /**
   * The tokens of an `X-Consistency-Token` list (one or more, comma separated, at most
   * MAX_TOKENS); undefined when any of them is not a token we issued: the caller answers 400.
   */
  decodeList(header: string): ConsistencyPoint[] | undefined {
    const tokens = header
      .split(',')
      .map((token) => token.trim())
      .filter(Boolean);
    if (tokens.length === 0 || tokens.length > MAX_TOKENS) return undefined;
    const points = tokens.map((token) => ConsistencyToken.decode(token));
    return points.every((point) => point !== undefined) ? (points as ConsistencyPoint[]) : undefined;
  },
  /** Undefined for anything that is not a token we issued: the caller answers 400. */
  decode(token: string): ConsistencyPoint | undefined {
    try {
      const fields = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
      const [eventId, streamKey, version, topic] = fields;
      if (typeof eventId !== 'string' || typeof streamKey !== 'string' || !Number.isSafeInteger(version))
        return undefined;
      if (fields.length > 4 || (topic !== undefined && typeof topic !== 'string')) return undefined;
      return { eventId, streamKey, version: version as number, ...(topic ? { topic } : {}) };
    } catch {
      return undefined;
    }
  },
};

export type Freshness = 'fresh' | 'stale';

export interface ConsistencyWait {
  timeoutMs?: number;
  pollMs?: number;
  /**
   * The projection's topics: a token for an event on another topic cannot show in this
   * read model, so it is not waited for (a token without a topic always is).
   */
  topics?: readonly string[];
}

/**
 * Waits until `projection` has applied the event of every token for `tenant`, at
 * most `timeoutMs`; answers `stale` rather than hanging. A token for another
 * tenant's stream is refused, so it cannot probe someone else's data.
 */
export async function waitForConsistency(
  pool: Pool,
  projection: string,
  tenant: TenantId,
  points: ConsistencyPoint | ConsistencyPoint[],
  { timeoutMs = 3000, pollMs = 25, topics }: ConsistencyWait = {},
): Promise<Freshness> {
  const wanted = new Map<string, number>();
  for (const point of Array.isArray(points) ? points : [points]) {
    if (!belongsTo(point, tenant)) throw new Error('consistency token belongs to another tenant');
    if (topics && point.topic && !topics.includes(point.topic)) continue;
    wanted.set(point.streamKey, Math.max(point.version, wanted.get(point.streamKey) ?? 0));
  }
  if (wanted.size === 0) return 'fresh';
  const schema = tenantSchema(tenant);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool
      .query<{ stream_key: string; version: number }>(
        `select stream_key, version from ${schema}.projection_positions where projection = $1 and stream_key = any($2)`,
        [projection, [...wanted.keys()]],
      )
      .catch(() => ({ rows: [] as Array<{ stream_key: string; version: number }> })); // schema not created yet: nothing applied
    const applied = new Map(rows.map((row) => [row.stream_key, row.version]));
    if ([...wanted].every(([stream, version]) => (applied.get(stream) ?? 0) >= version)) return 'fresh';
    if (Date.now() >= deadline) return 'stale';
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
