import { assertNever, CalendarDate, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireSpan, requireText, sameName, spansOverlap, spanWithin } from './rules';
import type { DateSpan } from './rules';

/** Stream `<tenant>/calendar/<schoolId>`, topic admin.calendar.v1: one school's years and terms. */
export type CalendarEvent = admin.AdminCalendarV1Event;

export type OpenAcademicYear = Command<
  'OpenAcademicYear',
  { yearId: string; schoolId: string; name: string; startDate: string; endDate: string; templateId?: string | null }
>;
export type DefineTerm = Command<
  'DefineTerm',
  { termId: string; yearId: string; name: string; startDate: string; endDate: string }
>;
export type CalendarCommand = OpenAcademicYear | DefineTerm;

export interface Term extends DateSpan {
  termId: string;
  name: string;
}

export interface AcademicYear extends DateSpan {
  yearId: string;
  name: string;
  terms: Term[];
}

export interface CalendarState {
  schoolId: string | null;
  years: AcademicYear[];
}

export const NAME_LENGTH = 60;

/** The longest academic year a school may open: a school year with its holidays, not a decade. */
export const MAX_YEAR_DAYS = 550;

function openYear({ data, metadata }: OpenAcademicYear, state: CalendarState): CalendarEvent[] {
  if (state.schoolId !== null && state.schoolId !== data.schoolId)
    throw new DomainError('calendar-of-another-school', { schoolId: state.schoolId });
  const name = requireText(data.name, 'name', NAME_LENGTH);
  const span = requireSpan(data.startDate, data.endDate);
  const days = CalendarDate.daysBetween(span.startDate, span.endDate) + 1;
  if (days > MAX_YEAR_DAYS) throw new DomainError('academic-year-too-long', { days, maxDays: MAX_YEAR_DAYS });
  const known = state.years.find((y) => y.yearId === data.yearId);
  if (known) throw new DomainError('academic-year-already-opened', { yearId: known.yearId });
  const sameNamed = state.years.find((y) => sameName(y.name, name));
  if (sameNamed) throw new DomainError('academic-year-name-taken', { name, yearId: sameNamed.yearId });
  const overlapping = state.years.find((y) => spansOverlap(y, span));
  if (overlapping)
    throw new DomainError('academic-years-overlap', {
      yearId: overlapping.yearId,
      startDate: overlapping.startDate,
      endDate: overlapping.endDate,
    });
  return [
    admin.academicYearOpened({
      yearId: data.yearId,
      schoolId: data.schoolId,
      name,
      ...span,
      templateId: data.templateId ?? null,
      openedAt: metadata.now,
    }),
  ];
}

function defineTerm({ data, metadata }: DefineTerm, state: CalendarState): CalendarEvent[] {
  const year = state.years.find((y) => y.yearId === data.yearId);
  if (!year || state.schoolId === null) throw new DomainError('academic-year-not-found', { yearId: data.yearId });
  const name = requireText(data.name, 'name', NAME_LENGTH);
  const span = requireSpan(data.startDate, data.endDate);
  if (year.terms.some((t) => t.termId === data.termId))
    throw new DomainError('term-already-defined', { termId: data.termId });
  if (!spanWithin(span, year))
    throw new DomainError('term-outside-year', { yearStartDate: year.startDate, yearEndDate: year.endDate });
  const sameNamed = year.terms.find((t) => sameName(t.name, name));
  if (sameNamed) throw new DomainError('term-name-taken', { name, termId: sameNamed.termId });
  const overlapping = year.terms.find((t) => spansOverlap(t, span));
  if (overlapping)
    throw new DomainError('terms-overlap', {
      termId: overlapping.termId,
      startDate: overlapping.startDate,
      endDate: overlapping.endDate,
    });
  return [
    admin.termDefined({
      termId: data.termId,
      yearId: year.yearId,
      schoolId: state.schoolId,
      name,
      ...span,
      definedAt: metadata.now,
    }),
  ];
}

function decide(command: CalendarCommand, state: CalendarState): CalendarEvent[] {
  switch (command.type) {
    case 'OpenAcademicYear':
      return openYear(command, state);
    case 'DefineTerm':
      return defineTerm(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: CalendarState, event: CalendarEvent): CalendarState {
  switch (event.type) {
    case 'AcademicYearOpened': {
      const { yearId, schoolId, name, startDate, endDate } = event.data;
      return { schoolId, years: [...state.years, { yearId, name, startDate, endDate, terms: [] }] };
    }
    case 'TermDefined': {
      const { termId, yearId, name, startDate, endDate } = event.data;
      const term = { termId, name, startDate, endDate };
      return {
        ...state,
        years: state.years.map((y) => (y.yearId === yearId ? { ...y, terms: [...y.terms, term] } : y)),
      };
    }
    default:
      return assertNever(event);
  }
}

export const calendarDecider: Decider<CalendarCommand, CalendarEvent, CalendarState> = {
  initialState: { schoolId: null, years: [] },
  decide,
  evolve,
};

/** The year and term a term id names in this school's calendar, or `term-not-found`. */
export function termOf(state: CalendarState, termId: string): { year: AcademicYear; term: Term } {
  for (const year of state.years) {
    const term = year.terms.find((t) => t.termId === termId);
    if (term) return { year, term };
  }
  throw new DomainError('term-not-found', { termId });
}

/** The year a year id names in this school's calendar, or `academic-year-not-found`. */
export function yearOf(state: CalendarState, yearId: string): AcademicYear {
  const year = state.years.find((y) => y.yearId === yearId);
  if (!year) throw new DomainError('academic-year-not-found', { yearId });
  return year;
}
