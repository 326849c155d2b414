import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, hasRole, TimeAndIds } from '@hexfleet/platform';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';
import {
  attendanceDecider,
  attendanceSheetId,
  availableDays,
  employeeDecider,
  employeeFacts,
  holidayDates,
  holidayListDecider,
  leaveAllocationDecider,
  leaveRequestDecider,
  LeaveRequestEvent,
  LeaveRequestState,
  leaveTypeDecider,
  splitByMonth,
  yearOf,
} from '../domain';
import { EmployeeQueryHandler } from './employee.query-handler';
import { LEAVE_REQUESTS } from './leave-requests.port';
import type { LeaveRequests } from './leave-requests.port';
import { allocationIdFor, leaveTypeNotFound } from './leave-setup.command-handler';
import { PAYROLL_PERIODS } from './payroll-periods.port';
import type { PayrollPeriods } from './payroll-periods.port';

/** Who may apply for, or cancel, someone else's leave. */
const ON_BEHALF: readonly Role[] = ['hr', 'manager'];

export interface LeaveApplication {
  employeeId?: string;
  leaveTypeId: string;
  fromDate: string;
  toDate: string;
  halfDayDate?: string;
  reason?: string;
}

/** The leave a request holds once `events` are applied to it: what its allocation and month sheets follow. */
function leaveAfter(state: LeaveRequestState, events: readonly LeaveRequestEvent[]) {
  const after = events.reduce(leaveRequestDecider.evolve, state);
  if (after.status === 'none') throw new DomainError('leave-request-not-found');
  return after.leave;
}

/**
 * The leave lifecycle. Each step changes the request and, in the same
 * transaction, what it guards: the allocation (paid days reserved or
 * released) and the attendance sheets of each month (days marked on leave or
 * reversed), so no balance is spent twice and no day is held by two leaves.
 * The facts a decision needs from read models (the employee's other leave,
 * finalized payroll periods) are read before the transaction.
 */
@Injectable()
export class LeaveRequestCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly employees: EmployeeQueryHandler,
    @Inject(LEAVE_REQUESTS) private readonly requests: LeaveRequests,
    @Inject(PAYROLL_PERIODS) private readonly payrollPeriods: PayrollPeriods,
  ) {}

  async apply(caller: Principal, application: LeaveApplication) {
    const self = await this.employees.actorId(caller);
    const employeeId = application.employeeId ?? self;
    if (employeeId !== self && !hasRole(caller, ...ON_BEHALF))
      throw new ForbiddenException('Only HR or a manager applies for someone else');
    const leaveRequestId = this.time.newId(caller, 'leave-request');
    const [otherLeaves, finalizedPeriods] = await Promise.all([
      this.requests.open(caller.tenant, employeeId),
      this.payrollPeriods.finalized(caller.tenant),
    ]);
    await this.commands.transact(
      caller,
      async (tx) => {
        const metadata = { now: this.time.now() };
        const employee = await tx.load(employeeDecider, 'employee', employeeId);
        const facts = employeeFacts(employee.state);
        const leaveType = await tx.load(leaveTypeDecider, 'leave-type', application.leaveTypeId);
        if (leaveType.state.status === 'none') return leaveTypeNotFound();
        const { unpaid } = leaveType.state;
        const holidayListId = employee.state.status === 'none' ? null : employee.state.holidayListId;
        const holidays = holidayListId
          ? holidayDates((await tx.load(holidayListDecider, 'holiday-list', holidayListId)).state)
          : [];
        const allocationId = allocationIdFor(employeeId, application.leaveTypeId, yearOf(application.fromDate));
        const allocation = unpaid ? undefined : await tx.load(leaveAllocationDecider, 'leave-allocation', allocationId);
        const balance =
          allocation?.state.status === 'allocated' ? { availableDays: availableDays(allocation.state) } : null;
        const request = await tx.load(leaveRequestDecider, 'leave-request', leaveRequestId);
        const data = {
          ...application,
          halfDayDate: application.halfDayDate ?? null,
          leaveRequestId,
          employeeId,
          requestedBy: caller.userId,
          employee: facts,
          leaveType: { unpaid },
          holidays,
          otherLeaves,
          balance,
          finalizedPeriods,
        };
        const requested = leaveRequestDecider.decide({ type: 'ApplyForLeave', data, metadata }, request.state);
        tx.append(request, requested);
        if (allocation) {
          const days = leaveAfter(request.state, requested).totalDays;
          const reserve = { type: 'ReserveLeaveDays' as const, data: { leaveRequestId, days }, metadata };
          tx.append(allocation, leaveAllocationDecider.decide(reserve, allocation.state));
        }
      },
      { retries: 3 },
    );
    return { leaveRequestId };
  }

  async approve(caller: Principal, leaveRequestId: string) {
    const approvedBy = await this.employees.actorId(caller);
    const finalizedPeriods = await this.payrollPeriods.finalized(caller.tenant);
    await this.commands.transact(caller, async (tx) => {
      const metadata = { now: this.time.now() };
      const request = await tx.load(leaveRequestDecider, 'leave-request', leaveRequestId);
      const command = { type: 'ApproveLeave' as const, data: { approvedBy, finalizedPeriods }, metadata };
      const approved = leaveRequestDecider.decide(command, request.state);
      tx.append(request, approved);
      const { employeeId, leaveTypeId, leaveDays } = leaveAfter(request.state, approved);
      for (const [month, days] of splitByMonth(leaveDays)) {
        const sheet = await tx.load(attendanceDecider, 'attendance', attendanceSheetId(employeeId, month));
        const mark = {
          type: 'MarkLeaveDays' as const,
          data: { employeeId, leaveRequestId, leaveTypeId, leaveDays: days, markedBy: caller.userId },
          metadata,
        };
        tx.append(sheet, attendanceDecider.decide(mark, sheet.state));
      }
    });
    return { leaveRequestId, status: 'approved' };
  }

  async reject(caller: Principal, leaveRequestId: string, reason?: string) {
    const rejectedBy = await this.employees.actorId(caller);
    await this.commands.transact(caller, async (tx) => {
      const metadata = { now: this.time.now() };
      const request = await tx.load(leaveRequestDecider, 'leave-request', leaveRequestId);
      const command = { type: 'RejectLeave' as const, data: { rejectedBy, reason }, metadata };
      tx.append(request, leaveRequestDecider.decide(command, request.state));
      await this.release(tx, request.state, leaveRequestId, metadata);
    });
    return { leaveRequestId, status: 'rejected' };
  }

  async cancel(caller: Principal, leaveRequestId: string, reason?: string) {
    const self = await this.employees.actorId(caller);
    const finalizedPeriods = await this.payrollPeriods.finalized(caller.tenant);
    await this.commands.transact(caller, async (tx) => {
      const metadata = { now: this.time.now() };
      const request = await tx.load(leaveRequestDecider, 'leave-request', leaveRequestId);
      if (request.state.status !== 'none' && request.state.leave.employeeId !== self && !hasRole(caller, ...ON_BEHALF))
        throw new ForbiddenException('Only the employee, HR or a manager cancels a leave');
      const command = { type: 'CancelLeave' as const, data: { cancelledBy: self, reason, finalizedPeriods }, metadata };
      tx.append(request, leaveRequestDecider.decide(command, request.state));
      await this.release(tx, request.state, leaveRequestId, metadata);
      if (request.state.status !== 'approved') return;
      const { employeeId, leaveDays } = request.state.leave;
      for (const month of splitByMonth(leaveDays).keys()) {
        const sheet = await tx.load(attendanceDecider, 'attendance', attendanceSheetId(employeeId, month));
        const reverse = {
          type: 'ReverseLeaveDays' as const,
          data: { leaveRequestId, clearedBy: caller.userId },
          metadata,
        };
        tx.append(sheet, attendanceDecider.decide(reverse, sheet.state));
      }
    });
    return { leaveRequestId, status: 'cancelled' };
  }

  /** A paid leave that ends gives its reserved days back to the allocation. */
  private async release(
    tx: StreamTransaction,
    state: LeaveRequestState,
    leaveRequestId: string,
    metadata: { now: string },
  ) {
    if (state.status === 'none' || state.leave.unpaid) return;
    const { employeeId, leaveTypeId, fromDate } = state.leave;
    const allocation = await tx.load(
      leaveAllocationDecider,
      'leave-allocation',
      allocationIdFor(employeeId, leaveTypeId, yearOf(fromDate)),
    );
    const command = { type: 'ReleaseLeaveDays' as const, data: { leaveRequestId }, metadata };
    tx.append(allocation, leaveAllocationDecider.decide(command, allocation.state));
  }
}
