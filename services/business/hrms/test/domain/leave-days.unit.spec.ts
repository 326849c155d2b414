import { deciderSpec } from '@hexfleet/testing';
import {
  findOverlap,
  leaveDaysBetween,
  leaveRequestDecider,
  monthsOf,
  rangesOverlap,
  splitByMonth,
  totalLeaveDays,
} from '../../src/domain';
import { applyForLeave, days, HOLIDAYS, leaveRequested } from './builders';

describe('rule: leave days exclude holidays', () => {
  it('a week with a mid-week holiday counts 4 days', () => {
    const covered = leaveDaysBetween({ fromDate: '2026-03-09', toDate: '2026-03-13' }, HOLIDAYS);
    expect(covered).toEqual(days('2026-03-09', '2026-03-11', '2026-03-12', '2026-03-13'));
    expect(totalLeaveDays(covered)).toBe(4);
  });

  it('weekly offs on the holiday list are not leave: Fri 6 to Mon 9 is 2 days', () => {
    const covered = leaveDaysBetween({ fromDate: '2026-03-06', toDate: '2026-03-09' }, HOLIDAYS);
    expect(covered).toEqual(days('2026-03-06', '2026-03-09'));
  });

  it('a half day counts 0.5, but not when it falls on a holiday', () => {
    const range = { fromDate: '2026-03-09', toDate: '2026-03-11' };
    expect(totalLeaveDays(leaveDaysBetween(range, HOLIDAYS, '2026-03-11'))).toBe(1.5);
    expect(totalLeaveDays(leaveDaysBetween(range, HOLIDAYS, '2026-03-10'))).toBe(2);
  });

  it('a leave across a month end counts the days of both months', () => {
    const covered = leaveDaysBetween({ fromDate: '2026-03-30', toDate: '2026-04-02' }, ['2026-04-01']);
    expect(covered).toEqual(days('2026-03-30', '2026-03-31', '2026-04-02'));
    expect(monthsOf(covered)).toEqual(['2026-03', '2026-04']);
    expect([...splitByMonth(covered)]).toEqual([
      ['2026-03', days('2026-03-30', '2026-03-31')],
      ['2026-04', days('2026-04-02')],
    ]);
  });

  it('the request records only working days, and refuses a leave made only of holidays', () => {
    const given = deciderSpec(leaveRequestDecider);
    given([]).when(applyForLeave()).then([leaveRequested()]);
    given([])
      .when(applyForLeave({ fromDate: '2026-03-14', toDate: '2026-03-15' }))
      .thenThrows('leave-has-no-working-days');
  });

  it('the half-day date is dropped from the request when it is a holiday', () => {
    deciderSpec(leaveRequestDecider)([])
      .when(applyForLeave({ halfDayDate: '2026-03-10' }))
      .then([leaveRequested({ halfDayDate: null })]);
  });
});

describe('overlap detection', () => {
  const march9to13 = { fromDate: '2026-03-09', toDate: '2026-03-13' };

  it('ranges sharing a first or last day overlap', () => {
    expect(rangesOverlap(march9to13, { fromDate: '2026-03-13', toDate: '2026-03-20' })).toBe(true);
    expect(rangesOverlap(march9to13, { fromDate: '2026-03-01', toDate: '2026-03-09' })).toBe(true);
  });

  it('a range inside another overlaps it, both ways', () => {
    const inside = { fromDate: '2026-03-11', toDate: '2026-03-11' };
    expect(rangesOverlap(march9to13, inside)).toBe(true);
    expect(rangesOverlap(inside, march9to13)).toBe(true);
  });

  it('adjacent ranges do not overlap', () => {
    expect(rangesOverlap(march9to13, { fromDate: '2026-03-14', toDate: '2026-03-15' })).toBe(false);
    expect(rangesOverlap(march9to13, { fromDate: '2026-03-02', toDate: '2026-03-08' })).toBe(false);
  });

  it('finds the first overlapping range', () => {
    const others = [
      { leaveRequestId: 'a', fromDate: '2026-02-02', toDate: '2026-02-03' },
      { leaveRequestId: 'b', fromDate: '2026-03-12', toDate: '2026-03-12' },
    ];
    expect(findOverlap(march9to13, others)?.leaveRequestId).toBe('b');
    expect(findOverlap(march9to13, others.slice(0, 1))).toBeUndefined();
  });
});
