import { computeDueDate } from '../../src/domain';

describe('rule: due = checkout + loan period, capped by a hard due date', () => {
  it('given a 14-day period and no hard due date, then the copy is due 14 days after checkout', () => {
    expect(computeDueDate('2025-03-03', 14, null)).toBe('2025-03-17');
  });

  it('counts across month and leap-year ends', () => {
    expect(computeDueDate('2024-02-20', 14, null)).toBe('2024-03-05');
    expect(computeDueDate('2025-12-25', 10, null)).toBe('2026-01-04');
  });

  it('given a hard due date before checkout + period, then the hard due date is the due date', () => {
    expect(computeDueDate('2025-03-03', 14, '2025-03-10')).toBe('2025-03-10');
  });

  it('given a hard due date after checkout + period, then it changes nothing', () => {
    expect(computeDueDate('2025-03-03', 14, '2025-04-30')).toBe('2025-03-17');
  });

  it('refuses a checkout day that is no date', () => {
    expect(() => computeDueDate('2025-13-01', 14, null)).toThrow('invalid-date');
  });
});
