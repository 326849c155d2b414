import { Money } from '../src';

const inr = (amountMinor: number) => Money.of(amountMinor, 'INR');

describe('Money in integer minor units', () => {
  it('adds and subtracts within one currency', () => {
    expect(Money.add(inr(150), inr(250))).toEqual(inr(400));
    expect(Money.subtract(inr(150), inr(250))).toEqual(inr(-100));
    expect(Money.sum([inr(1), inr(2), inr(3)], 'INR')).toEqual(inr(6));
  });

  it('refuses to mix currencies', () => {
    expect(() => Money.add(inr(1), Money.of(1, 'EUR'))).toThrow(expect.objectContaining({ code: 'currency-mismatch' }));
  });

  it('refuses fractions, unsafe integers and bad currency codes', () => {
    expect(() => inr(1.5)).toThrow(expect.objectContaining({ code: 'invalid-amount' }));
    expect(() => inr(2 ** 53)).toThrow(expect.objectContaining({ code: 'invalid-amount' }));
    expect(() => Money.of(1, 'inr')).toThrow(expect.objectContaining({ code: 'invalid-currency' }));
  });

  it('prorates with half-to-even rounding', () => {
    expect(Money.prorate(inr(3_000_000), 17, 30)).toEqual(inr(1_700_000));
    expect(Money.prorate(inr(100), 1, 3)).toEqual(inr(33));
    expect(Money.prorate(inr(5), 1, 2)).toEqual(inr(2)); // 2.5 -> 2
    expect(Money.prorate(inr(7), 1, 2)).toEqual(inr(4)); // 3.5 -> 4
    expect(Money.prorate(inr(-5), 1, 2)).toEqual(inr(-2));
    expect(Money.prorate(inr(-7), 1, 2)).toEqual(inr(-4));
    expect(() => Money.prorate(inr(1), 1, 0)).toThrow(expect.objectContaining({ code: 'invalid-ratio' }));
  });
});
