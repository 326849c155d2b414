import { expandOccurrences, When } from '../../src/domain';
import { allDay, timed } from './events-fixtures';

const starts = (when: When) => expandOccurrences(when).map((o) => o.startDate);
const every = (frequency: string, interval: number, bound: { count?: number; until?: string }) => ({
  frequency,
  interval,
  count: bound.count ?? null,
  until: bound.until ?? null,
});

describe('recurrence: a simple RRULE subset expanded by a pure function', () => {
  it('given no recurrence, then the event occurs once', () => {
    expect(expandOccurrences(timed())).toEqual([
      { startDate: '2025-03-10', startTime: '09:00', endDate: '2025-03-10', endTime: '10:00' },
    ]);
  });

  it('given FREQ=DAILY;INTERVAL=2;COUNT=3, then three occurrences two days apart, the first included', () => {
    expect(starts(timed({ recurrence: every('daily', 2, { count: 3 }) }))).toEqual([
      '2025-03-10',
      '2025-03-12',
      '2025-03-14',
    ]);
  });

  it('given FREQ=WEEKLY;UNTIL, then every week up to and including the until day, at the same wall-clock time', () => {
    const occurrences = expandOccurrences(timed({ recurrence: every('weekly', 1, { until: '2025-03-31' }) }));
    expect(occurrences.map((o) => o.startDate)).toEqual(['2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31']);
    // 2025-03-30 is a daylight-saving change in Europe: wall-clock times do not move.
    expect(new Set(occurrences.map((o) => o.startTime))).toEqual(new Set(['09:00']));
  });

  it('given FREQ=MONTHLY on the 31st, then months without a 31st are skipped and do not count', () => {
    expect(
      starts(timed({ startDate: '2025-01-31', endDate: '2025-01-31', recurrence: every('monthly', 1, { count: 4 }) })),
    ).toEqual(['2025-01-31', '2025-03-31', '2025-05-31', '2025-07-31']);
  });

  it('given FREQ=MONTHLY;INTERVAL=2 with UNTIL, then every other month up to the until day', () => {
    expect(
      starts(
        timed({
          startDate: '2025-01-15',
          endDate: '2025-01-15',
          recurrence: every('monthly', 2, { until: '2025-07-14' }),
        }),
      ),
    ).toEqual(['2025-01-15', '2025-03-15', '2025-05-15']);
  });

  it('given a multi-day all-day event, then every occurrence keeps its length', () => {
    const trips = expandOccurrences({
      ...allDay('2025-03-10', '2025-03-12'),
      recurrence: every('weekly', 2, { count: 2 }),
    });
    expect(trips).toEqual([
      { startDate: '2025-03-10', startTime: null, endDate: '2025-03-12', endTime: null },
      { startDate: '2025-03-24', startTime: null, endDate: '2025-03-26', endTime: null },
    ]);
  });

  it('given a daily series longer than the limit, then it is refused with too-many-occurrences', () => {
    expect(() => expandOccurrences(timed({ recurrence: every('daily', 1, { count: 1000 }) }))).toThrow(
      'too-many-occurrences',
    );
  });
});
