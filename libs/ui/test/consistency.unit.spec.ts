import { ConsistencyTokens, tokensIn } from '../src/consistency';

describe('read-your-writes tokens', () => {
  it('sends every token a mutation answered with later queries, until they are old, at most 32', () => {
    let now = 0;
    const tokens = new ConsistencyTokens(() => now, 60_000, 32);
    expect(tokens.header()).toBeUndefined();
    tokens.remember('a');
    now = 10_000;
    tokens.remember('b, c');
    expect(tokens.header()).toBe('a, b, c');
    now = 20_000;
    tokens.remember('a'); // again: moves to the end, counted once, kept longer
    expect(tokens.header()).toBe('b, c, a');
    now = 70_001; // b and c are older than a minute, a is not
    expect(tokens.header()).toBe('a');
    for (let i = 0; i < 40; i++) tokens.remember(`t${i}`);
    expect(tokens.header()?.split(', ')).toHaveLength(32);
    expect(tokens.header()?.startsWith('t8,')).toBe(true);
    tokens.clear();
    expect(tokens.header()).toBeUndefined();
  });

  it("finds each mutation field's consistencyToken in the data", () => {
    expect(
      tokensIn({ hireEmployee: { id: '1', consistencyToken: 'x' }, other: [{ consistencyToken: 'y' }], none: null }),
    ).toEqual(['x', 'y']);
    expect(tokensIn({ logout: { accepted: true, consistencyToken: null } })).toEqual([]);
  });
});
