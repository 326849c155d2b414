import { Inject, Injectable } from '@nestjs/common';
import { isDomainError } from '@hexfleet/kernel';
import type { TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { CIRCULATION } from './circulation.port';
import type { Circulation } from './circulation.port';
import { leaveHoldQueue } from './hold-shelf';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import type { LibrariesSettings } from './libraries-settings';
import { TenantJob } from './tenant.job';
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
    time: TimeAndIds,
    @Inject(TENANTS) tenants: Tenants,
    @Inject(CIRCULATION) private readonly circulation: Circulation,
    private readonly commands: Commands,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {
    super(
      'HoldExpiryJob',
      { intervalMs: settings.holdExpiryScanIntervalMs, timeZone: settings.timeZone },
      time,
      tenants,
    );
  }

  protected async scanTenant(tenant: TenantId, today: string): Promise<number> {
    let expired = 0;
    for (const { holdId, titleId } of await this.circulation.holdsPastPickup(tenant, today)) {
      const metadata = { now: this.time.now() };
      const shelving = { today, pickupDays: this.settings.pickupDays, metadata };
      try {
        const outcome = await this.commands.issue(
          tenant,
          uuidv5(`${tenant}/${holdId}`, EXPIRY_NAMESPACE),
          (tx) => leaveHoldQueue(tx, titleId, { type: 'ExpireHold', data: { holdId, today }, metadata }, shelving),
          { retries: 3 },
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
