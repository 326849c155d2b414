import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { DomainError } from '@hexfleet/kernel';
import { v5 as uuidv5 } from 'uuid';
import {
  employeeDecider,
  employeeFacts,
  holidayListDecider,
  leaveAllocationDecider,
  leaveTypeDecider,
  PublishHolidayList,
} from '../domain';

const ALLOCATION_NAMESPACE = '3c1d9e27-7b5a-4f08-a6c4-2d8e5f1b9a70';

/** One allocation stream per (employee, type, year): allocating again tops it up. */
export const allocationIdFor = (employeeId: string, leaveTypeId: string, year: number) =>
  uuidv5(`${employeeId}/${leaveTypeId}/${year}`, ALLOCATION_NAMESPACE);

/** What leave rests on: leave types, holiday lists and yearly allocations (HR's work). */
@Injectable()
export class LeaveSetupCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async defineLeaveType(caller: Principal, data: { name: string; unpaid: boolean }) {
    const leaveTypeId = this.time.newId(caller, 'leave-type');
    await this.commands.handle(leaveTypeDecider, {
      caller,
      aggregate: 'leave-type',
      id: leaveTypeId,
      command: { type: 'DefineLeaveType', data: { ...data, leaveTypeId }, metadata: { now: this.time.now() } },
    });
    return { leaveTypeId };
  }

  async publishHolidayList(caller: Principal, data: Omit<PublishHolidayList['data'], 'holidayListId'>) {
    const holidayListId = this.time.newId(caller, 'holiday-list');
    await this.commands.handle(holidayListDecider, {
      caller,
      aggregate: 'holiday-list',
      id: holidayListId,
      command: { type: 'PublishHolidayList', data: { ...data, holidayListId }, metadata: { now: this.time.now() } },
    });
    return { holidayListId };
  }

  async reviseHolidayList(caller: Principal, holidayListId: string, holidays: PublishHolidayList['data']['holidays']) {
    const outcome = await this.commands.handle(holidayListDecider, {
      caller,
      aggregate: 'holiday-list',
      id: holidayListId,
      command: { type: 'ReviseHolidayList', data: { holidays }, metadata: { now: this.time.now() } },
    });
    return { holidayListId, outcome: outcome.status };
  }

  /** The allocation is decided on the employee's and the type's current streams, read in the same unit of work. */
  async allocate(
    caller: Principal,
    data: { employeeId: string; leaveTypeId: string; year: number; days: number; note?: string },
  ) {
    const allocationId = allocationIdFor(data.employeeId, data.leaveTypeId, data.year);
    await this.commands.transact(
      caller,
      async (tx) => {
        const employee = await tx.load(employeeDecider, 'employee', data.employeeId);
        const leaveType = await tx.load(leaveTypeDecider, 'leave-type', data.leaveTypeId);
        if (leaveType.state.status === 'none') return leaveTypeNotFound();
        const allocation = await tx.load(leaveAllocationDecider, 'leave-allocation', allocationId);
        const command = {
          type: 'AllocateLeave' as const,
          data: {
            ...data,
            allocationId,
            allocatedBy: caller.userId,
            employee: employeeFacts(employee.state),
            leaveType: { unpaid: leaveType.state.unpaid },
          },
          metadata: { now: this.time.now() },
        };
        tx.append(allocation, leaveAllocationDecider.decide(command, allocation.state));
      },
      { retries: 3 },
    );
    return { allocationId };
  }
}

/** A fact the command needs is missing: refused like a decider would, so HTTP answers 404 as for any missing stream. */
export function leaveTypeNotFound(): never {
  throw new DomainError('leave-type-not-found');
}
