import { Injectable, OnModuleInit } from '@nestjs/common';
import { commandIdFor, ConsumedEvent, handleCommand, streamId } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { runStreamTransaction, ServiceRuntime } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { PayrollEmployeeCommand, payrollEmployeeDecider } from '../domain';
import { isDeferred } from './deferred-policy';
import { monthOfDate, regeneratePayslips } from './open-run';

/** The one policy through which payroll learns what HRMS decided (one consumer group, started once). */
export const HRMS_FACTS_POLICY = 'payroll-hrms-facts';
export const HRMS_FACTS_TOPICS = ['hrms.employee.v1', 'hrms.leave-request.v1', 'hrms.attendance.v1'];

type Reaction = { command: PayrollEmployeeCommand; employeeId: string; periods: string[] } | undefined;

/** Turns an HRMS event into the payroll-employee command it implies, and the periods whose open run it touches. */
function reactionTo(event: ConsumedEvent, now: string): Reaction {
  const metadata = { now };
  switch (event.type.split('.').pop()) {
    case 'EmployeeHired': {
      const e = event.data as unknown as hrms.EmployeeHiredData;
      const { employeeId, firstName, lastName, joiningDate, department, designation } = e;
      const data = { employeeId, firstName, lastName, joiningDate, department, designation };
      return { employeeId, command: { type: 'EnrollEmployee', data, metadata }, periods: [] };
    }
    case 'EmployeeSeparated': {
      const e = event.data as unknown as hrms.EmployeeSeparatedData;
      const command = { type: 'RecordSeparation' as const, data: { relievingDate: e.relievingDate }, metadata };
      return { employeeId: e.employeeId, command, periods: [monthOfDate(e.relievingDate)] };
    }
    case 'LeaveApproved': {
      const e = event.data as unknown as hrms.LeaveApprovedData;
      if (!e.unpaid) return undefined;
      const data = { leaveRequestId: e.leaveRequestId, leaveDays: e.leaveDays };
      return { employeeId: e.employeeId, command: { type: 'RecordUnpaidLeave', data, metadata }, periods: months(e) };
    }
    case 'LeaveCancelled': {
      const e = event.data as unknown as hrms.LeaveCancelledData;
      if (!e.unpaid || !e.wasApproved) return undefined;
      const data = { leaveRequestId: e.leaveRequestId };
      return { employeeId: e.employeeId, command: { type: 'ReverseUnpaidLeave', data, metadata }, periods: months(e) };
    }
    case 'EmployeeAttendanceMarked':
    case 'EmployeeAttendanceCleared': {
      const e = event.data as unknown as hrms.EmployeeAttendanceMarkedData | hrms.EmployeeAttendanceClearedData;
      const status = 'status' in e ? e.status : null;
      const data = { date: e.date, status, leaveRequestId: e.leaveRequestId ?? null };
      return {
        employeeId: e.employeeId,
        command: { type: 'RecordAttendance', data, metadata },
        periods: [monthOfDate(e.date)],
      };
    }
    default:
      return undefined; // promotions and transfers change nothing payroll computes
  }
}

const months = (leave: { leaveDays: ReadonlyArray<{ date: string }> }) => [
  ...new Set(leave.leaveDays.map((day) => monthOfDate(day.date))),
];

/**
 * HRMS facts -> payroll: EmployeeHired enrols; a separation, unpaid leave
 * approved or cancelled, or attendance updates the employee's stream and, in
 * the same transaction, recomputes their payslip in the period's open (draft)
 * run, so payment days there follow at once. The command id derives from the
 * event id: a redelivered event finds its command applied and does nothing.
 */
@Injectable()
export class HrmsFactsPolicy implements OnModuleInit {
  constructor(private readonly runtime: ServiceRuntime) {}

  onModuleInit() {
    for (const policy of this.runtime.definition.policies ?? []) {
      if (isDeferred(policy) && policy.name.startsWith(HRMS_FACTS_POLICY))
        policy.bind((event) => this.react(policy, event));
    }
  }

  async react(policy: { name: string }, event: ConsumedEvent): Promise<void> {
    const reaction = reactionTo(event, new Date().toISOString());
    if (!reaction) return;
    const tenant = TenantId.parse(event.tenant);
    const commandId = commandIdFor(policy, event);
    const metadata = { causationId: event.eventId, correlationId: event.correlationId, traceparent: event.traceparent };
    const { store } = this.runtime;
    const { command, employeeId, periods } = reaction;
    if (periods.length === 0) {
      const stream = streamId(tenant, 'payroll-employee', employeeId);
      await handleCommand(store, payrollEmployeeDecider, command, { tenant, streamId: stream, commandId, metadata });
      return;
    }
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
          await regeneratePayslips(tx, employee, events, periods, { commandId, now: command.metadata.now });
      },
      5, // a concurrent run or payslip change is safe to re-decide against
    );
  }
}
