import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { ServiceRuntime } from '@hexfleet/platform';
import { LIBRARY_SETTINGS } from './library-context';
import type { LibrarySettings } from './library-context';

/**
 * The counts a checkout or hold is decided against, from the circulation read
 * model. They lag the event store by the projection's delay: a patron racing
 * their own loan limit may get one loan more, which the next checkout refuses
 * (Koha and Evergreen count the same way).
 */
@Injectable()
export class CirculationCounts {
  constructor(
    private readonly runtime: ServiceRuntime,
    @Inject(LIBRARY_SETTINGS) private readonly settings: LibrarySettings,
  ) {}

  async activeLoans(caller: Principal, patronId: string): Promise<number> {
    return this.count(
      caller,
      (s) => `select count(*) as n from ${s}.loans where patron_id = $1 and status = 'active'`,
      [patronId],
    );
  }

  async activeHolds(caller: Principal, patronId: string): Promise<number> {
    return this.count(
      caller,
      (s) => `select count(*) as n from ${s}.holds where patron_id = $1 and status in ('waiting', 'ready')`,
      [patronId],
    );
  }

  private async count(caller: Principal, sql: (schema: string) => string, params: unknown[]) {
    const [row] = await this.runtime.queryTenant<{ n: string }>(caller.tenant, sql, params);
    return Number(row?.n ?? 0);
  }

  get readModel(): string {
    return this.settings.readModels.circulation;
  }
}
