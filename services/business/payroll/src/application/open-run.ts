import { isDomainError } from '@hexfleet/kernel';
import type { LoadedStream, StreamTransaction } from '@hexfleet/platform';
import {
  PayrollEmployee,
  payrollEmployee,
  payrollEmployeeDecider,
  PayrollEmployeeEvent,
  PayrollEmployeeState,
  payrollRunDecider,
  payableIn,
  SalaryStructure,
  salaryStructureDecider,
} from '../domain';

export const monthOfDate = (date: string) => date.slice(0, 7);

/** The salary structures an employee's assignments name, loaded in the same transaction. */
export async function structuresFor(
  tx: StreamTransaction,
  employees: readonly PayrollEmployee[],
): Promise<Record<string, SalaryStructure>> {
  const ids = new Set(employees.flatMap((employee) => employee.assignments.map((a) => a.structureId)));
  const structures: Record<string, SalaryStructure> = {};
  for (const id of ids) {
    const { state } = await tx.load(salaryStructureDecider, 'salary-structure', id);
    if (state.status === 'defined') structures[id] = state;
  }
  return structures;
}

/**
 * After an employee's facts changed, recomputes their payslip in each given
 * period whose run is still a draft (the open period). A finalized run is
 * immutable (cancel and amend instead), and a period with no run has nothing
 * to recompute: the run reads the employee when it is created.
 */
export async function regeneratePayslips(
  tx: StreamTransaction,
  stream: LoadedStream<PayrollEmployeeEvent, PayrollEmployeeState>,
  appended: readonly PayrollEmployeeEvent[],
  periods: readonly string[],
  { now, payslipIdFor }: { now: string; payslipIdFor: (period: string) => string },
): Promise<void> {
  const state = appended.reduce(payrollEmployeeDecider.evolve, stream.state);
  const employee = payrollEmployee(state);
  for (const period of periods) {
    const run = await tx.load(payrollRunDecider, 'payroll-run', period);
    if (run.state.status !== 'draft' || !payableIn(period, employee)) continue;
    const structures = await structuresFor(tx, [employee]);
    const payslipId = payslipIdFor(period);
    try {
      const events = payrollRunDecider.decide(
        { type: 'GeneratePayslip', data: { payslipId, employee, structures }, metadata: { now } },
        run.state,
      );
      tx.append(run, events);
    } catch (error) {
      // No structure yet, or a negative net: the fact is still recorded; the payslip waits for a fix and a recompute.
      if (!isDomainError(error)) throw error;
    }
  }
}
