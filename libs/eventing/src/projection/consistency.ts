import { TenantId } from '@hexfleet/kernel';
import type { Pool } from 'pg';
import type { AppendResult } from '../event-store/postgres-event-store';
import { tenantSchema } from './tenant-schemas';

/**
 * Read-your-writes: a command answers with `X-Consistency-Token` naming the last
 * event it appended (and where it sits in its stream); a query that sends it back
 * waits, bounded, until the projection has applied that event.
 */
export interface ConsistencyPoint {
  eventId: string;
  /** The stream, `<tenant>/<aggregate>/<id>` (tokens issued before: the Kafka key `<tenant>:<id>`). */
  streamKey: string;
  version: number;
}

/** Whether a token's stream is the tenant's (either spelling). */
export const belongsTo = (point: ConsistencyPoint, tenant: string) =>
  point.streamKey.startsWith(`${tenant}/`) || point.streamKey.startsWith(`${tenant}:`);

export const ConsistencyToken = {
  /** For the response of a command that appended to `streamId` (`<tenant>/<aggregate>/<id>`). */
  forAppend(streamId: string, result: AppendResult): string {
    return ConsistencyToken.encode({
      eventId: result.lastEventId,
      streamKey: streamId,
      version: result.nextVersion,
    });
  },
  encode(point: ConsistencyPoint): string {
    return Buffer.from(JSON.stringify([point.eventId, point.streamKey, point.version])).toString('base64url');
  },
  /** Undefined for anything that is not a token we issued: the caller answers 400. */
  decode(token: string): ConsistencyPoint | undefined {
    try {
      const [eventId, streamKey, version] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
      if (typeof eventId !== 'string' || typeof streamKey !== 'string' || !Number.isSafeInteger(version))
        return undefined;
      return { eventId, streamKey, version: version as number };
    } catch {
      return undefined;
    }
  },
};

export type Freshness = 'fresh' | 'stale';

/**
 * Waits until `projection` has applied the token's event for `tenant`, at most
 * `timeoutMs`; answers `stale` rather than hanging. A token for another
 * tenant's stream is refused, so it cannot probe someone else's data.
 */
export async function waitForConsistency(
  pool: Pool,
  projection: string,
  tenant: TenantId,
  point: ConsistencyPoint,
  { timeoutMs = 3000, pollMs = 25 } = {},
): Promise<Freshness> {
  if (!belongsTo(point, tenant)) throw new Error('consistency token belongs to another tenant');
  const schema = tenantSchema(tenant);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool
      .query<{ version: number }>(
        `select version from ${schema}.projection_positions where projection = $1 and stream_key = $2`,
        [projection, point.streamKey],
      )
      .catch(() => ({ rows: [] as Array<{ version: number }> })); // schema not created yet: nothing applied
    if ((rows[0]?.version ?? 0) >= point.version) return 'fresh';
    if (Date.now() >= deadline) return 'stale';
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
