import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireDate, requireText } from './dates';

/** Stream `<tenant>/holiday-list/<holidayListId>`, topic hrms.holiday-list.v1. */
export type HolidayListEvent = hrms.HrmsHolidayListV1Event;
export type HolidayListState =
  | { status: 'none' }
  | { status: 'published'; holidayListId: string; fromDate: string; toDate: string; holidays: hrms.Holiday[] };

type HolidayInput = { date: string; description?: string };
export type PublishHolidayList = Command<
  'PublishHolidayList',
  { holidayListId: string; name: string; fromDate: string; toDate: string; holidays: readonly HolidayInput[] }
>;
/** Replaces the whole set: requests already made keep the days they counted. */
export type ReviseHolidayList = Command<'ReviseHolidayList', { holidays: readonly HolidayInput[] }>;
export type HolidayListCommand = PublishHolidayList | ReviseHolidayList;

function validHolidays(holidays: readonly HolidayInput[], fromDate: string, toDate: string): hrms.Holiday[] {
  const seen = new Set<string>();
  for (const { date } of holidays) {
    requireDate(date, 'holidays.date');
    if (date < fromDate || date > toDate) throw new DomainError('holiday-outside-list', { date, fromDate, toDate });
    if (seen.has(date)) throw new DomainError('duplicate-holiday', { date });
    seen.add(date);
  }
  return holidays
    .map(({ date, description }) => ({ date, description: description ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export const holidayListDecider: Decider<HolidayListCommand, HolidayListEvent, HolidayListState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'PublishHolidayList': {
        if (state.status !== 'none') throw new DomainError('holiday-list-exists');
        const { holidayListId, name, fromDate, toDate, holidays } = command.data;
        requireDate(fromDate, 'fromDate');
        requireDate(toDate, 'toDate');
        if (toDate < fromDate) throw new DomainError('holiday-list-ends-before-start', { fromDate, toDate });
        return [
          hrms.holidayListPublished({
            holidayListId,
            name: requireText(name, 'name'),
            fromDate,
            toDate,
            holidays: validHolidays(holidays, fromDate, toDate),
            publishedAt: command.metadata.now,
          }),
        ];
      }
      case 'ReviseHolidayList': {
        if (state.status === 'none') throw new DomainError('holiday-list-not-found');
        const holidays = validHolidays(command.data.holidays, state.fromDate, state.toDate);
        return [
          hrms.holidayListRevised({
            holidayListId: state.holidayListId,
            holidays,
            revisedAt: command.metadata.now,
          }),
        ];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'HolidayListPublished': {
        const { holidayListId, fromDate, toDate, holidays } = event.data;
        return { status: 'published', holidayListId, fromDate, toDate, holidays };
      }
      case 'HolidayListRevised':
        return state.status === 'none' ? state : { ...state, holidays: event.data.holidays };
      default:
        return assertNever(event);
    }
  },
};

/** The holiday dates a leave request's `holidays` fact needs. */
export const holidayDates = (state: HolidayListState): string[] =>
  state.status === 'none' ? [] : state.holidays.map((holiday) => holiday.date);
