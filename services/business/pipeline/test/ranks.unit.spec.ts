import { DomainError } from '@hexfleet/kernel';
import { rankBetween } from '../src/application/ranks';

describe('kanban ranks (fractional-indexing)', () => {
  it('a rank between two others sorts between them, byte-wise', () => {
    const first = rankBetween(null, null);
    const last = rankBetween(first, null);
    const middle = rankBetween(first, last);
    expect([first < middle, middle < last]).toEqual([true, true]);
    expect(rankBetween(null, first) < first).toBe(true);
  });

  it('a hundred inserts at one spot never renumber a neighbour and stay ordered', () => {
    const after = rankBetween(null, null);
    let before = rankBetween(after, null);
    const made: string[] = [];
    for (let i = 0; i < 100; i++) {
      before = rankBetween(after, before);
      made.push(before);
    }
    expect([...made].sort().reverse()).toEqual(made);
    expect(made.every((rank) => rank > after)).toBe(true);
  });

  it('tied neighbours (two moves at once) give their rank: the card id orders the tie', () =>
    expect(rankBetween('a1', 'a1')).toBe('a1'));

  it('neighbours in the wrong order are refused', () => {
    expect(() => rankBetween('a2', 'a1')).toThrow(DomainError);
  });
});
