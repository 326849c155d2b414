import { Injectable } from '@nestjs/common';
import { commandIdFor } from '@hexfleet/eventing';
import type { ConsumedEventMeta, Policy } from '@hexfleet/eventing';
import { Commands } from '@hexfleet/platform';
import { PayrollEmployeeCommand, payrollEmployeeDecider } from '../domain';
import { regeneratePayslips } from './open-run';

/** What one HRMS fact asks of payroll: a command on the employee's stream, and the periods whose open run it changes. */
export interface EmployeeFact {
  employeeId: string;
  command: PayrollEmployeeCommand;
  periods: readonly string[];
}

/**
 * Applies an HRMS fact (hrms-facts.policy.ts) to the employee's stream and, in
 * the same transaction, recomputes their payslip in each period's open (draft)
 * run, so payment days there follow at once. The command id derives from the
 * source event's id: a redelivered event finds its command applied and does nothing.
 */
@Injectable()
export class HrmsFactsCommandHandler {
  constructor(private readonly commands: Commands) {}

  async record(policy: Pick<Policy, 'name'>, source: ConsumedEventMeta, fact: EmployeeFact): Promise<void> {
    const { command, employeeId, periods } = fact;
    // A recomputed payslip's id derives from the source event too, one per period.
    const payslipIdFor = (period: string) => commandIdFor({ name: `${policy.name}/payslip/${period}` }, source);
    await this.commands.react(
      policy,
      source,
      async (tx) => {
        const employee = await tx.load(payrollEmployeeDecider, 'payroll-employee', employeeId);
        const events = payrollEmployeeDecider.decide(command, employee.state);
        tx.append(employee, events);
        if (events.length && periods.length)
          await regeneratePayslips(tx, employee, events, periods, { now: command.metadata.now, payslipIdFor });
      },
      // A concurrent run or payslip change is safe to re-decide against.
      { retries: periods.length ? 5 : 0 },
    );
  }
}
