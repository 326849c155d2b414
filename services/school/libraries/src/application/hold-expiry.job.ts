import { Inject, Injectable } from '@nestjs/common';
import { isDomainError, TenantId } from '@hexfleet/kernel';
import { runStreamTransaction, ServiceRuntime } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { leaveHoldQueue } from './hold-shelf';
import { LIBRARY_SETTINGS, LibraryContext } from './library-context';
import type { LibrarySettings } from './library-context';
import { TenantJob } from './tenant-job';
import { TENANTS } from './tenants.port';
import type { Tenants } from './tenants.port';

const EXPIRY_NAMESPACE = '7b4e2c91-3f5a-4d6e-9c8b-0a1f2e3d4c5b';

/**
 * Hold-shelf expiry: a ready hold not picked up by its pickup day expires the
 * day after, and its copy goes to the next waiting patron or back to the shelf
 * (HoldExpired, CopyReleasedFromHoldShelf, maybe HoldReadyForPickup, together).
 * One command id per hold: a hold expires once, however often the job runs.
 */
@Injectable()
export class HoldExpiryJob extends TenantJob {
  constructor(
    private readonly runtime: ServiceRuntime,
    context: LibraryContext,
    @Inject(TENANTS) tenants: Tenants,
    @Inject(LIBRARY_SETTINGS) private readonly settings: LibrarySettings,
  ) {
    super('HoldExpiryJob', settings.holdExpiryScanIntervalMs, context, tenants);
  }

  protected async scanTenant(tenant: TenantId, today: string): Promise<number> {
    const overdue = await this.runtime.queryTenant<{ hold_id: string; title_id: string }>(
      tenant,
      (s) => `select hold_id, title_id from ${s}.holds where status = 'ready' and pickup_by < $1 order by pickup_by`,
      [today],
    );
    let expired = 0;
    for (const { hold_id: holdId, title_id: titleId } of overdue) {
      const metadata = { now: this.context.now() };
      const shelving = { today, pickupDays: this.settings.pickupDays, metadata };
      try {
        const outcome = await runStreamTransaction(
          this.runtime.store,
          tenant,
          uuidv5(`${tenant}/${holdId}`, EXPIRY_NAMESPACE),
          {},
          (tx) => leaveHoldQueue(tx, titleId, { type: 'ExpireHold', data: { holdId, today }, metadata }, shelving),
          3,
        );
        if (outcome.status === 'appended') expired++;
      } catch (error) {
        // The read model lags: a hold picked up or cancelled meanwhile answers hold-not-found, which is fine.
        if (!isDomainError(error)) throw error;
      }
    }
    return expired;
  }
}
