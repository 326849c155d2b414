import { Money } from '@hexfleet/kernel';
import { overdueFine } from '../../src/domain';
import { inr } from './library-fixtures';

describe('rule: fine = days late past grace x rate, capped', () => {
  const terms = { fineRatePerDay: inr(500), graceDays: 2, fineCap: inr(10_000) };

  it('given 10 days late, 2 grace days and rate R, then 8 x R is charged when under the cap', () => {
    expect(overdueFine(10, terms)).toEqual({ chargeableDays: 8, amount: inr(4_000) });
  });

  it('given 10 days late, 2 grace days, rate R and cap C below 8 x R, then C is charged', () => {
    expect(overdueFine(10, { ...terms, fineCap: inr(3_000) })).toEqual({ chargeableDays: 8, amount: inr(3_000) });
  });

  it('given a return within the grace days, then nothing is charged', () => {
    expect(overdueFine(2, terms)).toEqual({ chargeableDays: 0, amount: inr(0) });
    expect(overdueFine(0, terms).amount).toEqual(inr(0));
  });

  it('given no cap, then every chargeable day is charged', () => {
    expect(overdueFine(102, { ...terms, fineCap: null }).amount).toEqual(inr(50_000));
  });

  it('refuses a cap in another currency', () => {
    expect(() => overdueFine(10, { ...terms, fineCap: Money.of(100, 'USD') })).toThrow('currency-mismatch');
  });
});
