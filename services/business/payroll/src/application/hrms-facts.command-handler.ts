import { Injectable } from '@nestjs/common';
import { commandIdFor, handleCommand, streamId } from '@hexfleet/eventing';
import type { ConsumedEventMeta, Policy } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { runStreamTransaction, ServiceRuntime } from '@hexfleet/platform';
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
  constructor(private readonly runtime: ServiceRuntime) {}

  async record(policy: Pick<Policy, 'name'>, source: ConsumedEventMeta, fact: EmployeeFact): Promise<void> {
    const tenant = TenantId.parse(source.tenant);
    const commandId = commandIdFor(policy, source);
    const metadata = {
      causationId: source.eventId,
      correlationId: source.correlationId,
      traceparent: source.traceparent,
    };
    const { store } = this.runtime;
    const { command, employeeId, periods } = fact;
    if (periods.length === 0) {
      const stream = streamId(tenant, 'payroll-employee', employeeId);
      await handleCommand(store, payrollEmployeeDecider, command, { tenant, streamId: stream, commandId, metadata });
      return;
    }
    // A recomputed payslip's id derives from the source event too, one per period.
    const payslipIdFor = (period: string) => commandIdFor({ name: `${policy.name}/payslip/${period}` }, source);
    await runStreamTransaction(
      store,
      tenant,
      commandId,
      metadata,
      async (tx) => {
        const employee = await tx.load(payrollEmployeeDecider, 'payroll-employee', employeeId);
        const events = payrollEmployeeDecider.decide(command, employee.state);
        tx.append(employee, events);
        if (events.length)
          await regeneratePayslips(tx, employee, events, periods, { now: command.metadata.now, payslipIdFor });
      },
      5, // a concurrent run or payslip change is safe to re-decide against
    );
  }
}
