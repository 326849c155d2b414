import { calculatePayslip } from '../../src/domain';
import { GRADE_3 } from './builders';

const amounts = (result: ReturnType<typeof calculatePayslip>) =>
  Object.fromEntries(result.lines.map((line) => [line.code, line.amountMinor]));

describe('the payslip calculator', () => {
  it('a full month pays the structure as written', () => {
    const result = calculatePayslip({
      currency: 'INR',
      lines: GRADE_3.lines,
      baseMinor: 5_000_000,
      paymentDays: 30,
      periodDays: 30,
    });
    // BASIC 40% of 50,000.00 = 20,000.00; HRA 50% of it; PF 12% of it; SPECIAL and PT as fixed.
    expect(amounts(result)).toEqual({ BASIC: 2_000_000, HRA: 1_000_000, SPECIAL: 1_000_000, PF: 240_000, PT: 20_000 });
    expect(result).toMatchObject({ grossMinor: 4_000_000, deductionsMinor: 260_000, netMinor: 3_740_000 });
  });

  it('30-day month, 17 payment days: one half-even rounding per line', () => {
    const result = calculatePayslip({
      currency: 'INR',
      lines: GRADE_3.lines,
      baseMinor: 5_000_000,
      paymentDays: 17,
      periodDays: 30,
    });
    expect(amounts(result)).toEqual({
      BASIC: 1_133_333, // 5,000,000 x 40% x 17/30 = 1,133,333.33 -> down
      HRA: 566_666, //     1,133,333 x 50% = 566,666.5: a tie, to the even 566,666
      SPECIAL: 566_667, // 1,000,000 x 17/30 = 566,666.67 -> up
      PF: 136_000, //      1,133,333 x 12% = 135,999.96 -> up
      PT: 20_000, //       flat, not prorated
    });
    expect(result).toMatchObject({ grossMinor: 2_266_666, deductionsMinor: 156_000, netMinor: 2_110_666 });
  });

  it('a tie rounds to the even neighbour, up as well as down', () => {
    const lines = [
      { ...GRADE_3.lines[0], basisPoints: 10_000 }, // BASIC = 100% of base
      GRADE_3.lines[1], // HRA = 50% of BASIC
    ];
    const odd = calculatePayslip({ currency: 'INR', lines, baseMinor: 1_133_335, paymentDays: 31, periodDays: 31 });
    expect(amounts(odd)).toEqual({ BASIC: 1_133_335, HRA: 566_668 }); // 566,667.5 -> 566,668
  });

  it('half payment days count: 29.5 of 31 days', () => {
    const lines = [GRADE_3.lines[2]]; // SPECIAL 10,000.00 fixed
    const result = calculatePayslip({ currency: 'INR', lines, baseMinor: 0, paymentDays: 29.5, periodDays: 31 });
    expect(result.grossMinor).toBe(951_613); // 1,000,000 x 59/62 = 951,612.90 -> up
  });

  it('no payment days pay nothing prorated', () => {
    const lines = GRADE_3.lines.slice(0, 3);
    expect(
      calculatePayslip({ currency: 'INR', lines, baseMinor: 5_000_000, paymentDays: 0, periodDays: 30 }).netMinor,
    ).toBe(0);
  });

  it('refuses payment days that are not whole or half days within the month', () => {
    const input = { currency: 'INR', lines: GRADE_3.lines, baseMinor: 5_000_000, periodDays: 30 };
    expect(() => calculatePayslip({ ...input, paymentDays: 17.25 })).toThrow('invalid-payment-days');
    expect(() => calculatePayslip({ ...input, paymentDays: 31 })).toThrow('invalid-payment-days');
  });
});

describe('rule: net pay >= 0', () => {
  it('deductions above gross refuse the payslip', () => {
    // Nothing earned (0 payment days) but the flat professional tax still due.
    expect(() =>
      calculatePayslip({ currency: 'INR', lines: GRADE_3.lines, baseMinor: 5_000_000, paymentDays: 0, periodDays: 30 }),
    ).toThrow(
      expect.objectContaining({ code: 'negative-net-pay', details: { grossMinor: 0, deductionsMinor: 20_000 } }),
    );
  });

  it('deductions equal to gross give a net of zero, which is fine', () => {
    const lines = [GRADE_3.lines[2], { ...GRADE_3.lines[4], amountMinor: 1_000_000 }];
    expect(calculatePayslip({ currency: 'INR', lines, baseMinor: 0, paymentDays: 30, periodDays: 30 }).netMinor).toBe(
      0,
    );
  });
});

describe('rule: money is integer minor units with a currency, never floats', () => {
  it('every amount is a safe integer, whatever the ratio', () => {
    for (let paymentDays = 0; paymentDays <= 31; paymentDays += 0.5) {
      const result = calculatePayslip({
        currency: 'INR',
        lines: GRADE_3.lines.slice(0, 3),
        baseMinor: 3_333_337,
        paymentDays,
        periodDays: 31,
      });
      for (const amount of [...result.lines.map((l) => l.amountMinor), result.grossMinor, result.netMinor])
        expect(Number.isSafeInteger(amount)).toBe(true);
    }
  });

  it('refuses a fractional base or an unknown currency', () => {
    const input = { lines: GRADE_3.lines, paymentDays: 30, periodDays: 30 };
    expect(() => calculatePayslip({ ...input, currency: 'INR', baseMinor: 5_000_000.5 })).toThrow('invalid-amount');
    expect(() => calculatePayslip({ ...input, currency: 'rupees', baseMinor: 5_000_000 })).toThrow('invalid-currency');
  });
});
