import { assertNever, CalendarDate, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireText } from './command';

/** Stream `<tenant>/academic-year/<yearId>`, topic hq.academic-year.v1. */
export type AcademicYearEvent = hq.HqAcademicYearV1Event;
export type Term = hq.Term;

export const MAX_YEAR_NAME = 40;
export const MAX_TERMS = 6;
/** A school year is about ten months; 18 leaves room for odd calendars and refuses a typo'd year. */
export const MAX_YEAR_MONTHS = 18;
const MAX_YEAR_DAYS = 549;

/** A school the year is published to, as its stream says now. */
export interface SchoolFact {
  schoolId: string;
  status: 'none' | 'open' | 'closed';
}

export type PublishAcademicYear = Command<
  'PublishAcademicYear',
  {
    yearId: string;
    name: string;
    startDate: string;
    endDate: string;
    terms: Term[];
    /** Empty: every school of the group, those opened later too. */
    schools: SchoolFact[];
    publishedBy: string;
  }
>;
export type AcademicYearCommand = PublishAcademicYear;

export interface AcademicYear {
  yearId: string;
  name: string;
  startDate: string;
  endDate: string;
  schoolIds: string[];
}
export type AcademicYearState = { status: 'none' } | ({ status: 'published' } & AcademicYear);

function checkDates(start: string, end: string, field: string) {
  CalendarDate.parse(start, `${field}startDate`);
  CalendarDate.parse(end, `${field}endDate`);
  if (end < start)
    throw new DomainError('ends-before-start', { field: `${field}endDate`, startDate: start, endDate: end });
}

function checkTerms(terms: readonly Term[], startDate: string, endDate: string): Term[] {
  if (terms.length === 0 || terms.length > MAX_TERMS) throw new DomainError('invalid-terms', { max: MAX_TERMS });
  const checked = terms.map((term, i) => {
    const field = `terms[${i}].`;
    checkDates(term.startDate, term.endDate, field);
    if (term.startDate < startDate || term.endDate > endDate)
      throw new DomainError('term-outside-year', { term: term.name, startDate, endDate });
    return { ...term, name: requireText(term.name, MAX_YEAR_NAME, 'invalid-term-name', `${field}name`) };
  });
  const names = new Set(checked.map((t) => t.name.toLowerCase()));
  if (names.size !== checked.length) throw new DomainError('duplicate-term-name');
  const ordered = [...checked].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].startDate <= ordered[i - 1].endDate)
      throw new DomainError('terms-overlap', { terms: [ordered[i - 1].name, ordered[i].name] });
  }
  return ordered;
}

function checkSchools(schools: readonly SchoolFact[]): string[] {
  const ids = schools.map((s) => s.schoolId);
  if (new Set(ids).size !== ids.length) throw new DomainError('duplicate-school');
  const shut = schools.find((s) => s.status !== 'open');
  // A school of another tenant or one never opened reads as none: the same refusal, no hint which.
  if (shut) throw new DomainError('school-not-open', { schoolId: shut.schoolId });
  return ids;
}

function decide(command: AcademicYearCommand, state: AcademicYearState): AcademicYearEvent[] {
  switch (command.type) {
    case 'PublishAcademicYear': {
      const { yearId, startDate, endDate, publishedBy } = command.data;
      if (state.status !== 'none') throw new DomainError('academic-year-already-published', { yearId });
      const name = requireText(command.data.name, MAX_YEAR_NAME, 'invalid-year-name', 'name');
      checkDates(startDate, endDate, '');
      if (CalendarDate.daysBetween(startDate, endDate) > MAX_YEAR_DAYS)
        throw new DomainError('year-too-long', { maxMonths: MAX_YEAR_MONTHS });
      const terms = checkTerms(command.data.terms, startDate, endDate);
      const schoolIds = checkSchools(command.data.schools);
      return [
        hq.academicYearPublished({
          yearId,
          name,
          startDate,
          endDate,
          terms,
          schoolIds,
          publishedBy,
          publishedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: AcademicYearState, event: AcademicYearEvent): AcademicYearState {
  switch (event.type) {
    case 'AcademicYearPublished': {
      const { yearId, name, startDate, endDate, schoolIds } = event.data;
      return { status: 'published', yearId, name, startDate, endDate, schoolIds };
    }
    default:
      return assertNever(event.type);
  }
}

export const academicYearDecider: Decider<AcademicYearCommand, AcademicYearEvent, AcademicYearState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
