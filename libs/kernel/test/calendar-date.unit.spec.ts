import { CalendarDate, DomainError } from '../src';

describe('CalendarDate', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(['2024-02-29', '1970-01-01', '2026-12-31'].every(CalendarDate.isValid)).toBe(true);
    expect(
      ['2026-02-29', '2026-13-01', '2026-4-01', '2026-04-01T00:00:00Z', 20260401, null].some(CalendarDate.isValid),
    ).toBe(false);
  });

  it('refuses a bad date with invalid-date naming the field', () => {
    expect(() => CalendarDate.parse('2026-02-30', 'dueDate')).toThrow(DomainError);
    try {
      CalendarDate.parse('2026-13-01', 'from');
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-date', details: { field: 'from', value: '2026-13-01' } });
    }
  });

  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(CalendarDate.addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(CalendarDate.addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(CalendarDate.addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(CalendarDate.daysBetween('2026-03-02', '2026-03-12')).toBe(10);
    expect(CalendarDate.daysBetween('2026-03-12', '2026-03-02')).toBe(-10);
    expect(CalendarDate.fromDayNumber(CalendarDate.toDayNumber('2026-10-25'))).toBe('2026-10-25');
  });
});
