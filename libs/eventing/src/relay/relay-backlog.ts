import type { Pool } from 'pg';

export interface RelayBacklog {
  /** Events stored but not yet published. */
  events: number;
  /** Age of the oldest of them, in seconds (0 when none wait): the relay's lag. */
  lagSeconds: number;
}

/** How far the relay named `name` is behind the event store (what SREs alert on). */
export async function relayBacklog(pool: Pool, name: string): Promise<RelayBacklog> {
  const { rows } = await pool.query<{ events: string; oldest: Date | null }>(
    `select count(*) as events, min(e.recorded_at) as oldest
       from eventstore.events e
       left join eventstore.relay_checkpoints c on c.name = $1
      where c.name is null or (e.transaction_id, e.global_position) > (c.transaction_id, c.position)`,
    [name],
  );
  const oldest = rows[0].oldest;
  return {
    events: Number(rows[0].events),
    lagSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
  };
}
