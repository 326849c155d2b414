import {
  attendancePercent,
  attendanceSeries,
  periodsOf,
  rangeAttendancePercent,
  weekOf,
  zeroFilled,
} from '../../src/domain';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('dashboard series: one point per period, zero where nothing happened', () => {
  it('puts a day in the ISO week that starts on its Monday', () => {
    expect(['2026-03-02', '2026-03-04', '2026-03-08'].map(weekOf)).toEqual(['2026-03-02', '2026-03-02', '2026-03-02']);
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
    expect(weekOf('2026-01-01')).toBe('2025-12-29');
  });

  it('lists every day of the range, or every week that touches it', () => {
    expect(periodsOf('2026-02-27', '2026-03-02', 'day')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(periodsOf('2026-03-04', '2026-03-16', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('refuses a range that ends before it starts, is too long, or names no real day', () => {
    expect(refusal(() => periodsOf('2026-03-02', '2026-03-01', 'day'))).toBe('ends-before-start');
    expect(refusal(() => periodsOf('2026-01-01', '2027-01-02', 'day'))).toBe('range-too-long');
    expect(periodsOf('2026-01-01', '2027-01-02', 'week')).toHaveLength(53);
    expect(refusal(() => periodsOf('2026-02-30', '2026-03-01', 'day'))).toBe('invalid-date');
  });

  it('fills the periods nothing was counted in with zero', () => {
    expect(zeroFilled(['2026-03-02', '2026-03-09'], [{ period: '2026-03-09', value: 4 }])).toEqual([
      { period: '2026-03-02', value: 0 },
      { period: '2026-03-09', value: 4 },
    ]);
  });
});

describe('attendance rate: attended over every record but excused, as Attendance reports it', () => {
  it('counts late and left-early as attended (the projection sums them), leaves excused out, two decimals', () => {
    expect(attendancePercent({ attended: 2, absent: 1, excused: 5 })).toBe(66.67);
    expect(attendancePercent({ attended: 0, absent: 0, excused: 3 })).toBeNull();
  });

  it('gives every period a point, without a rate where nothing counted, and a rate over the range', () => {
    const counted = [
      { period: '2026-03-02', attended: 9, absent: 1, excused: 0 },
      { period: '2026-03-04', attended: 1, absent: 1, excused: 2 },
    ];
    expect(attendanceSeries(['2026-03-02', '2026-03-03', '2026-03-04'], counted)).toEqual([
      { period: '2026-03-02', attended: 9, absent: 1, excused: 0, attendancePercent: 90 },
      { period: '2026-03-03', attended: 0, absent: 0, excused: 0, attendancePercent: null },
      { period: '2026-03-04', attended: 1, absent: 1, excused: 2, attendancePercent: 50 },
    ]);
    expect(rangeAttendancePercent(counted)).toBe(83.33);
    expect(rangeAttendancePercent([])).toBeNull();
  });
});
