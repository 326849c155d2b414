import { Inject, Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import { Payees, payrollEmployee, payrollEmployeeDecider, PayrollRunCommand, payrollRunDecider } from '../domain';
import { structuresFor } from './open-run';
import { PAYROLL_EMPLOYEES } from './payroll-employees.port';
import type { PayrollEmployees } from './payroll-employees.port';

/**
 * Pay runs, one stream per period (`<tenant>/payroll-run/<YYYY-MM>`): its
 * version is the lock, so a finalized period refuses every change but
 * cancel-and-amend, and one employee never gets two live payslips in it.
 */
@Injectable()
export class PayrollRunCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(PAYROLL_EMPLOYEES) private readonly employees: PayrollEmployees,
  ) {}

  async create(caller: Principal, data: { period: string; currency: string }) {
    const runId = this.time.newId(caller, 'payroll-run');
    await this.decide(caller, data.period, async (tx) => {
      const payees = await this.payees(caller, tx);
      return {
        type: 'CreatePayrollRun',
        data: { ...data, runId, createdBy: caller.userId, ...payees },
        metadata: { now: this.time.now() },
      };
    });
    return { runId, period: data.period };
  }

  async finalize(caller: Principal, period: string) {
    await this.decide(caller, period, async () => ({
      type: 'FinalizePayrollRun',
      data: { finalizedBy: caller.userId },
      metadata: { now: this.time.now() },
    }));
    return { period, status: 'finalized' };
  }

  async cancel(caller: Principal, period: string, reason?: string) {
    await this.decide(caller, period, async () => ({
      type: 'CancelPayrollRun',
      data: { cancelledBy: caller.userId, reason },
      metadata: { now: this.time.now() },
    }));
    return { period, status: 'cancelled' };
  }

  /** Cancel-and-amend: the finalized run is cancelled and a new revision computed from today's facts. */
  async amend(caller: Principal, period: string, reason?: string) {
    const runId = this.time.newId(caller, 'payroll-run');
    await this.decide(caller, period, async (tx) => {
      const payees = await this.payees(caller, tx);
      return {
        type: 'AmendPayrollRun',
        data: { runId, amendedBy: caller.userId, reason, ...payees },
        metadata: { now: this.time.now() },
      };
    });
    return { runId, period };
  }

  private async decide(
    caller: Principal,
    period: string,
    command: (tx: StreamTransaction) => Promise<PayrollRunCommand>,
  ) {
    await this.commands.transact(caller, async (tx) => {
      const run = await tx.load(payrollRunDecider, 'payroll-run', period);
      tx.append(run, payrollRunDecider.decide(await command(tx), run.state));
    });
  }

  /** Every enrolled employee (the roster from the read model, the facts from their streams) and their structures. */
  private async payees(caller: Principal, tx: StreamTransaction): Promise<Payees> {
    const employees = [];
    for (const employeeId of await this.employees.roster(caller.tenant)) {
      const { state } = await tx.load(payrollEmployeeDecider, 'payroll-employee', employeeId);
      if (state.status !== 'enrolled') continue;
      // One payslip per employee in the run; a retried request (Idempotency-Key) names the same ones.
      const payslipId = this.time.newId(caller, `payslip-${employeeId}`);
      employees.push({ payslipId, employee: payrollEmployee(state) });
    }
    const structures = await structuresFor(
      tx,
      employees.map((e) => e.employee),
    );
    return { employees, structures };
  }
}
