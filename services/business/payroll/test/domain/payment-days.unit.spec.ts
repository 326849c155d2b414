import { paymentDays, periodBounds } from '../../src/domain';

const employed = (joiningDate = '2024-01-15', relievingDate: string | null = null) => ({ joiningDate, relievingDate });
const day = (date: string, days = 1) => ({ date, days });

describe('rule: payment days = days employed in the period minus unpaid leave and absences', () => {
  it('a whole month employed, no leave: every calendar day is a payment day', () => {
    expect(paymentDays('2026-04', employed(), [], [])).toEqual({
      periodDays: 30,
      employedDays: 30,
      unpaidLeaveDays: 0,
      absentDays: 0,
      paymentDays: 30,
    });
  });

  it('joining on the 14th of a 30-day month: 17 days employed, the joining day included', () => {
    expect(paymentDays('2026-04', employed('2026-04-14'), [], [])).toMatchObject({ employedDays: 17, paymentDays: 17 });
  });

  it('relieved on the 17th: 17 days employed, the relieving day included', () => {
    expect(paymentDays('2026-04', employed('2024-01-15', '2026-04-17'), [], [])).toMatchObject({ paymentDays: 17 });
  });

  it('minus unpaid leave (half days count half) and absences', () => {
    const unpaid = [day('2026-04-06'), day('2026-04-07'), day('2026-04-08', 0.5)];
    const absent = [day('2026-04-20'), day('2026-04-21', 0.5)];
    expect(paymentDays('2026-04', employed(), unpaid, absent)).toEqual({
      periodDays: 30,
      employedDays: 30,
      unpaidLeaveDays: 2.5,
      absentDays: 1.5,
      paymentDays: 26,
    });
  });

  it('only days inside the employment and the period count', () => {
    const unpaid = [day('2026-03-31'), day('2026-04-10'), day('2026-05-01')];
    expect(paymentDays('2026-04', employed('2026-04-14'), unpaid, [day('2026-04-13')])).toMatchObject({
      employedDays: 17,
      unpaidLeaveDays: 0,
      absentDays: 0,
      paymentDays: 17,
    });
  });

  it('a day both unpaid leave and absent is deducted once', () => {
    expect(paymentDays('2026-04', employed(), [day('2026-04-06')], [day('2026-04-06')])).toMatchObject({
      unpaidLeaveDays: 1,
      absentDays: 0,
      paymentDays: 29,
    });
    expect(paymentDays('2026-04', employed(), [day('2026-04-06', 0.5)], [day('2026-04-06')])).toMatchObject({
      unpaidLeaveDays: 0.5,
      absentDays: 0.5,
      paymentDays: 29,
    });
  });

  it('months have their calendar length, leap Februaries too', () => {
    expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29', days: 29 });
    expect(periodBounds('2026-02').days).toBe(28);
    expect(periodBounds('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31', days: 31 });
    expect(() => periodBounds('2026-13')).toThrow('invalid-period');
  });
});
