import { minuteOf, postingWait } from '../../src/application/posting-rate';

describe('the posting limit over a sliding minute (two fixed minutes, the previous one weighted)', () => {
  it('lets a post through while the estimate is under the limit', () => {
    expect(postingWait(0, 11, 12, 30_000)).toBe(0);
    // Half of the previous minute is still in the window: 10 * 0.5 + 6 = 11 < 12.
    expect(postingWait(10, 6, 12, 30_000)).toBe(0);
  });

  it('refuses at the limit and says when the previous minute will have slid out enough', () => {
    // 10 * 0.5 + 7 = 12: one more fits once 10 * (1 - f) < 5, f > 0.5: right after now.
    expect(postingWait(10, 7, 12, 30_000)).toBe(1);
    // 12 * 0.75 + 6 = 15: needs 12 * (1 - f) < 6, f > 0.5, 15 s from now (16 to be strictly after).
    expect(postingWait(12, 6, 12, 15_000)).toBe(16);
  });

  it('when this minute alone is full, waits into the next one', () => {
    // 12 of 12 this minute, 20 s in: 40 s to its end, then 12 * (1 - f) < 12 at once.
    expect(postingWait(0, 12, 12, 20_000)).toBe(41);
    // 24 of 12 (a burst the previous limit allowed): 40 s, then half of the next minute.
    expect(postingWait(0, 24, 12, 20_000)).toBe(71);
  });

  it('splits a time into its minute and the time into it', () => {
    expect(minuteOf(Date.parse('2026-03-02T10:00:15.500Z'))).toEqual({
      minute: Date.parse('2026-03-02T10:00:00.000Z') / 60_000,
      elapsedMs: 15_500,
    });
  });
});
