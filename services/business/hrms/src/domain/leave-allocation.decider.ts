import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { Command, EmployeeFacts } from './command';

/**
 * One allocation per employee, paid leave type and calendar year: stream
 * `<tenant>/leave-allocation/<allocationId>`, topic hrms.leave-allocation.v1.
 * The caller derives `allocationId` from (employee, type, year) (e.g. UUIDv5),
 * so allocating again for the same key tops up this stream. Its version
 * guards the balance: every request of the type and year reserves days here,
 * so two concurrent applications cannot both spend the last days.
 */
export type LeaveAllocationEvent = hrms.HrmsLeaveAllocationV1Event;

export type LeaveAllocationState =
  | { status: 'none' }
  | {
      status: 'allocated';
      allocationId: string;
      employeeId: string;
      leaveTypeId: string;
      year: number;
      totalDays: number;
      /** Days held per leave request, pending or approved. */
      reserved: Record<string, number>;
      released: string[];
    };

/** Facts: the employee (employeeFacts) and the leave type (unpaid types are never allocated). */
export type AllocateLeave = Command<
  'AllocateLeave',
  {
    allocationId: string;
    employeeId: string;
    leaveTypeId: string;
    year: number;
    days: number;
    note?: string;
    allocatedBy: string;
    employee: EmployeeFacts;
    leaveType: { unpaid: boolean };
  }
>;
/** Run with ApplyForLeave, in the same transaction. Repeating it for the same request changes nothing ([]). */
export type ReserveLeaveDays = Command<'ReserveLeaveDays', { leaveRequestId: string; days: number }>;
/** Run with RejectLeave or CancelLeave. Repeating it for the same request changes nothing ([]). */
export type ReleaseLeaveDays = Command<'ReleaseLeaveDays', { leaveRequestId: string }>;
export type LeaveAllocationCommand = AllocateLeave | ReserveLeaveDays | ReleaseLeaveDays;

const isHalfDays = (days: number) => Number.isFinite(days) && Number.isInteger(days * 2);
const reservedDays = (state: { reserved: Record<string, number> }) =>
  Object.values(state.reserved).reduce((sum, days) => sum + days, 0);

/** Days still free to apply for: allocated minus held by pending and approved requests. */
export function availableDays(state: LeaveAllocationState): number {
  return state.status === 'none' ? 0 : state.totalDays - reservedDays(state);
}

function allocate({ data, metadata }: AllocateLeave, state: LeaveAllocationState): LeaveAllocationEvent[] {
  if (data.leaveType.unpaid) throw new DomainError('unpaid-leave-not-allocated', { leaveTypeId: data.leaveTypeId });
  if (!data.employee.active) throw new DomainError('employee-not-active', { employeeId: data.employeeId });
  if (!Number.isInteger(data.year) || data.year < 1900) throw new DomainError('invalid-year', { year: data.year });
  if (!isHalfDays(data.days) || data.days === 0) throw new DomainError('invalid-leave-days', { days: data.days });
  if (
    state.status === 'allocated' &&
    (state.employeeId !== data.employeeId || state.leaveTypeId !== data.leaveTypeId || state.year !== data.year)
  )
    throw new DomainError('allocation-key-mismatch', { allocationId: state.allocationId });
  const before = state.status === 'allocated' ? state.totalDays : 0;
  const reserved = state.status === 'allocated' ? reservedDays(state) : 0;
  // A negative allocation corrects a mistake, but never below what requests already hold.
  if (before + data.days < reserved)
    throw new DomainError('allocation-below-reserved-days', { totalDays: before + data.days, reservedDays: reserved });
  const { allocationId, employeeId, leaveTypeId, year, days, note, allocatedBy } = data;
  return [
    hrms.leaveAllocated({
      allocationId,
      employeeId,
      leaveTypeId,
      year,
      days,
      totalDays: before + days,
      note: note ?? '',
      allocatedBy,
      allocatedAt: metadata.now,
    }),
  ];
}

function decide(command: LeaveAllocationCommand, state: LeaveAllocationState): LeaveAllocationEvent[] {
  if (command.type === 'AllocateLeave') return allocate(command, state);
  if (state.status === 'none') throw new DomainError('no-leave-allocation');
  const { leaveRequestId } = command.data;
  switch (command.type) {
    case 'ReserveLeaveDays': {
      if (leaveRequestId in state.reserved || state.released.includes(leaveRequestId)) return [];
      const { days } = command.data;
      if (!isHalfDays(days) || days <= 0) throw new DomainError('invalid-leave-days', { days });
      const available = availableDays(state);
      if (days > available)
        throw new DomainError('insufficient-leave-balance', { requestedDays: days, availableDays: available });
      return [
        hrms.leaveDaysReserved({
          allocationId: state.allocationId,
          leaveRequestId,
          days,
          remainingDays: available - days,
          reservedAt: command.metadata.now,
        }),
      ];
    }
    case 'ReleaseLeaveDays': {
      if (state.released.includes(leaveRequestId)) return [];
      const days = state.reserved[leaveRequestId];
      if (days === undefined) throw new DomainError('leave-not-reserved', { leaveRequestId });
      return [
        hrms.leaveDaysReleased({
          allocationId: state.allocationId,
          leaveRequestId,
          days,
          remainingDays: availableDays(state) + days,
          releasedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: LeaveAllocationState, event: LeaveAllocationEvent): LeaveAllocationState {
  switch (event.type) {
    case 'LeaveAllocated': {
      const { allocationId, employeeId, leaveTypeId, year, totalDays } = event.data;
      if (state.status === 'allocated') return { ...state, totalDays };
      return {
        status: 'allocated',
        allocationId,
        employeeId,
        leaveTypeId,
        year,
        totalDays,
        reserved: {},
        released: [],
      };
    }
    case 'LeaveDaysReserved':
      if (state.status === 'none') return state;
      return { ...state, reserved: { ...state.reserved, [event.data.leaveRequestId]: event.data.days } };
    case 'LeaveDaysReleased': {
      if (state.status === 'none') return state;
      const { [event.data.leaveRequestId]: _gone, ...reserved } = state.reserved;
      return { ...state, reserved, released: [...state.released, event.data.leaveRequestId] };
    }
    default:
      return assertNever(event);
  }
}

export const leaveAllocationDecider: Decider<LeaveAllocationCommand, LeaveAllocationEvent, LeaveAllocationState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
