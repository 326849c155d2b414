import { hrms } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { fold } from '@hexfleet/kernel';
import { type AllocateLeave, availableDays, leaveAllocationDecider, leaveRequestDecider } from '../../src/domain';
import {
  ALICE,
  alice,
  applyForLeave,
  CASUAL,
  leaveRequested,
  metadata,
  NOW,
  UNPAID,
  unpaidLeaveRequested,
} from './builders';

const given = deciderSpec(leaveAllocationDecider);
const allocate = (data: Partial<AllocateLeave['data']> = {}): AllocateLeave => ({
  type: 'AllocateLeave',
  data: {
    allocationId: 'alloc-1',
    employeeId: ALICE,
    leaveTypeId: CASUAL,
    year: 2026,
    days: 5,
    note: 'annual',
    allocatedBy: 'user-hr',
    employee: alice(),
    leaveType: { unpaid: false },
    ...data,
  },
  metadata,
});
const allocated = (days = 5, totalDays = days) =>
  hrms.leaveAllocated({
    allocationId: 'alloc-1',
    employeeId: ALICE,
    leaveTypeId: CASUAL,
    year: 2026,
    days,
    totalDays,
    note: 'annual',
    allocatedBy: 'user-hr',
    allocatedAt: NOW,
  });
const reserve = (days: number, leaveRequestId = 'leave-1') =>
  ({ type: 'ReserveLeaveDays', data: { leaveRequestId, days }, metadata }) as const;
const reserved = (days: number, remainingDays: number, leaveRequestId = 'leave-1') =>
  hrms.leaveDaysReserved({ allocationId: 'alloc-1', leaveRequestId, days, remainingDays, reservedAt: NOW });
const release = (leaveRequestId = 'leave-1') =>
  ({ type: 'ReleaseLeaveDays', data: { leaveRequestId }, metadata }) as const;

describe('rule: the balance must cover the days unless the type is unpaid', () => {
  it('an application for more days than the balance is refused', () => {
    deciderSpec(leaveRequestDecider)([])
      .when(applyForLeave({ balance: { availableDays: 3.5 } }))
      .thenThrows('insufficient-leave-balance', { requestedDays: 4, availableDays: 3.5 });
  });

  it('exactly enough is enough', () => {
    deciderSpec(leaveRequestDecider)([])
      .when(applyForLeave({ balance: { availableDays: 4 } }))
      .then([leaveRequested()]);
  });

  it('a paid type needs an allocation for the year', () => {
    deciderSpec(leaveRequestDecider)([])
      .when(applyForLeave({ balance: null }))
      .thenThrows('no-leave-allocation');
  });

  it('an unpaid type needs no balance at all', () => {
    deciderSpec(leaveRequestDecider)([])
      .when(applyForLeave({ leaveTypeId: UNPAID, leaveType: { unpaid: true }, balance: null }))
      .then([unpaidLeaveRequested()]);
  });

  it('under concurrency, the allocation refuses to reserve days it no longer has', () => {
    given([allocated(5), reserved(3, 2, 'leave-0')])
      .when(reserve(4))
      .thenThrows('insufficient-leave-balance', { requestedDays: 4, availableDays: 2 });
  });

  it('the allocation reserves days while they last', () => {
    given([allocated(5)])
      .when(reserve(4))
      .then([reserved(4, 1)]);
  });

  it('a rejected or cancelled request gives its days back', () => {
    given([allocated(5), reserved(4, 1)])
      .when(release())
      .then([
        hrms.leaveDaysReleased({
          allocationId: 'alloc-1',
          leaveRequestId: 'leave-1',
          days: 4,
          remainingDays: 5,
          releasedAt: NOW,
        }),
      ]);
  });

  it('unpaid types are never allocated', () => {
    given([])
      .when(allocate({ leaveTypeId: UNPAID, leaveType: { unpaid: true } }))
      .thenThrows('unpaid-leave-not-allocated');
  });
});

describe('leave allocations', () => {
  it('HR allocates days of a type for a year to an active employee', () => {
    given([])
      .when(allocate())
      .then([allocated(5)]);
  });

  it('allocating again tops the year up', () => {
    given([allocated(5)])
      .when(allocate({ days: 2.5 }))
      .then([allocated(2.5, 7.5)]);
  });

  it('a correction never takes back days that requests hold', () => {
    given([allocated(5), reserved(4, 1)])
      .when(allocate({ days: -2 }))
      .thenThrows('allocation-below-reserved-days', { totalDays: 3, reservedDays: 4 });
  });

  it('days come in halves', () => {
    given([])
      .when(allocate({ days: 1.25 }))
      .thenThrows('invalid-leave-days');
    given([])
      .when(allocate({ days: 0 }))
      .thenThrows('invalid-leave-days');
  });

  it('a separated employee gets no allocation', () => {
    given([])
      .when(allocate({ employee: alice({ active: false }) }))
      .thenThrows('employee-not-active');
  });

  it('one allocation stream holds one employee, type and year', () => {
    given([allocated(5)])
      .when(allocate({ year: 2027 }))
      .thenThrows('allocation-key-mismatch');
  });

  it('reserving or releasing twice for one request changes nothing', () => {
    given([allocated(5), reserved(4, 1)])
      .when(reserve(4))
      .then([]);
    const released = leaveAllocationDecider.decide(
      release(),
      fold(leaveAllocationDecider, [allocated(5), reserved(4, 1)]),
    );
    given([allocated(5), reserved(4, 1), ...released])
      .when(release())
      .then([]);
  });

  it('releasing days a request never held is an error', () => {
    given([allocated(5)])
      .when(release('leave-9'))
      .thenThrows('leave-not-reserved');
  });

  it('nothing is reserved without an allocation', () => {
    given([]).when(reserve(1)).thenThrows('no-leave-allocation');
  });

  it('availableDays is what ApplyForLeave receives as its balance', () => {
    expect(availableDays(fold(leaveAllocationDecider, [allocated(5), reserved(1.5, 3.5)]))).toBe(3.5);
    expect(availableDays(leaveAllocationDecider.initialState)).toBe(0);
  });
});
