import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { Page } from './payroll-employees.port';
import { PAYROLL_RUNS } from './payroll-runs.port';
import type { PayrollRuns } from './payroll-runs.port';
import { PAYROLL_SETTINGS } from './payroll-settings';
import type { PayrollSettings } from './payroll-settings';

/** Runs with their totals (live from current payslips), payslips per run and per employee. */
@Injectable()
export class PayrollRunQueryHandler {
  constructor(
    @Inject(PAYROLL_RUNS) private readonly payrollRuns: PayrollRuns,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
    private readonly consistency: Consistency,
  ) {}

  async runs(caller: Principal, period?: string) {
    await this.fresh(caller);
    return this.payrollRuns.runs(caller.tenant, period);
  }

  async payslipsOfRun(caller: Principal, period: string, page: Partial<Page> = {}) {
    await this.fresh(caller);
    return this.payrollRuns.payslipsOfRun(caller.tenant, period, page);
  }

  async payslipsOfEmployee(caller: Principal, employeeId: string) {
    await this.fresh(caller);
    return this.payrollRuns.payslipsOfEmployee(caller.tenant, employeeId);
  }

  /** Waits (bounded) for the runs read model when the caller sent the token of a write. */
  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.runs, caller);
  }
}
