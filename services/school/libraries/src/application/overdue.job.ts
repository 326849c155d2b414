import { Inject, Injectable } from '@nestjs/common';
import { isDomainError } from '@hexfleet/kernel';
import type { TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { loanDecider } from '../domain';
import { CIRCULATION } from './circulation.port';
import type { Circulation } from './circulation.port';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import type { LibrariesSettings } from './libraries-settings';
import { TenantJob } from './tenant.job';
import { TENANTS } from './tenants.port';
import type { Tenants } from './tenants.port';

const OVERDUE_NAMESPACE = '2d1f6c3a-8e47-4b0f-a5c9-71e3d2b8f064';

/**
 * Daily overdue notices: each active loan past its due day gets MarkLoanOverdue
 * for today. The command id is derived from loan and day, and the loan
 * remembers the last day reported, so there is one LoanOverdue per loan and day.
 */
@Injectable()
export class OverdueJob extends TenantJob {
  constructor(
    time: TimeAndIds,
    @Inject(TENANTS) tenants: Tenants,
    @Inject(CIRCULATION) private readonly circulation: Circulation,
    private readonly commands: Commands,
    @Inject(LIBRARIES_SETTINGS) settings: LibrariesSettings,
  ) {
    super('OverdueJob', { intervalMs: settings.overdueScanIntervalMs, timeZone: settings.timeZone }, time, tenants);
  }

  protected async scanTenant(tenant: TenantId, today: string): Promise<number> {
    let notices = 0;
    for (const loanId of await this.circulation.loansToReportOverdue(tenant, today)) {
      const metadata = { now: this.time.now() };
      try {
        const outcome = await this.commands.issue(
          tenant,
          uuidv5(`${tenant}/${loanId}/${today}`, OVERDUE_NAMESPACE),
          async (tx) => {
            const loan = await tx.load(loanDecider, 'loan', loanId);
            tx.append(loan, loanDecider.decide({ type: 'MarkLoanOverdue', data: { today }, metadata }, loan.state));
          },
          { retries: 3 },
        );
        if (outcome.status === 'appended' && outcome.written.length) notices++;
      } catch (error) {
        // The read model lags: a loan returned meanwhile answers loan-not-active, which is fine.
        if (!isDomainError(error)) throw error;
      }
    }
    return notices;
  }
}
