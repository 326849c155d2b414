import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, streamId } from '@hexfleet/eventing';
import { isDomainError, TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { loanDecider } from '../domain';
import { LIBRARY_SETTINGS, LibraryContext } from './library-context';
import type { LibrarySettings } from './library-context';
import { TenantJob } from './tenant-job';
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
    private readonly runtime: ServiceRuntime,
    context: LibraryContext,
    @Inject(TENANTS) tenants: Tenants,
    @Inject(LIBRARY_SETTINGS) settings: LibrarySettings,
  ) {
    super('OverdueJob', settings.overdueScanIntervalMs, context, tenants);
  }

  protected async scanTenant(tenant: TenantId, today: string): Promise<number> {
    const due = await this.runtime.queryTenant<{ loan_id: string }>(
      tenant,
      (s) => `select loan_id from ${s}.loans
              where status = 'active' and due_date < $1 and (last_overdue_on is null or last_overdue_on < $1)`,
      [today],
    );
    let notices = 0;
    for (const { loan_id: loanId } of due) {
      try {
        const outcome = await handleCommand(
          this.runtime.store,
          loanDecider,
          { type: 'MarkLoanOverdue', data: { today }, metadata: { now: this.context.now() } },
          {
            tenant,
            streamId: streamId(tenant, 'loan', loanId),
            commandId: uuidv5(`${tenant}/${loanId}/${today}`, OVERDUE_NAMESPACE),
            retries: 3,
          },
        );
        if (outcome.status === 'appended') notices++;
      } catch (error) {
        // The read model lags: a loan returned meanwhile answers loan-not-active, which is fine.
        if (!isDomainError(error)) throw error;
      }
    }
    return notices;
  }
}
