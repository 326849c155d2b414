import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hexfleet/platform';
import type { AddressBucket, AddressGuard } from '../../application/address-guard.port';

const windowOf = (nowMs: number, windowSeconds: number) => Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;

/** Fixed-window counters in Postgres, so every replica counts against the same limit. */
@Injectable()
export class PostgresAddressGuard implements AddressGuard {
  constructor(private readonly runtime: ServiceRuntime) {}

  async hits(bucket: AddressBucket, address: string, windowSeconds: number, nowMs: number): Promise<number> {
    const { rows } = await this.runtime.pool.query<{ hits: number }>(
      `select hits from identity_private.address_hits where bucket = $1 and address = $2 and window_start = $3`,
      [bucket, address, windowOf(nowMs, windowSeconds)],
    );
    return rows[0]?.hits ?? 0;
  }

  async hit(bucket: AddressBucket, address: string, windowSeconds: number, nowMs: number): Promise<number> {
    const start = windowOf(nowMs, windowSeconds);
    const { rows } = await this.runtime.pool.query<{ hits: number }>(
      `insert into identity_private.address_hits (bucket, address, window_start, hits) values ($1, $2, $3, 1)
       on conflict (bucket, address, window_start) do update set hits = address_hits.hits + 1
       returning hits`,
      [bucket, address, start],
    );
    // Past windows are never read again; sweep them now and then rather than on every hit.
    if (Math.random() < 0.02)
      await this.runtime.pool.query(`delete from identity_private.address_hits where window_start < $1`, [
        start - windowSeconds,
      ]);
    return rows[0].hits;
  }
}
