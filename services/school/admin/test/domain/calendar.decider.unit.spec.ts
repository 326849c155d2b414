import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { calendarDecider, MAX_YEAR_DAYS } from '../../src/domain';
import type { DefineTerm, OpenAcademicYear } from '../../src/domain';
import { metadata, NOW, OTHER_SCHOOL, SCHOOL, TERM, termDefined, YEAR, yearOpened } from './fixtures';

const given = deciderSpec(calendarDecider);
const NEXT = '0195f0a2-7c1e-7000-8000-00000000b00f';
const TERM_2 = '0195f0a2-7c1e-7000-8000-00000000c00f';

const open = (over: Partial<OpenAcademicYear['data']> = {}): OpenAcademicYear => ({
  type: 'OpenAcademicYear',
  data: { yearId: YEAR, schoolId: SCHOOL, name: ' 2026-27 ', startDate: '2026-04-01', endDate: '2027-03-31', ...over },
  metadata,
});
const term = (over: Partial<DefineTerm['data']> = {}): DefineTerm => ({
  type: 'DefineTerm',
  data: { termId: TERM, yearId: YEAR, name: 'Term 1', startDate: '2026-04-01', endDate: '2026-09-30', ...over },
  metadata,
});

describe('opening an academic year', () => {
  it('opens a year of the school, its name trimmed', () => {
    given([]).when(open()).then([yearOpened()]);
  });

  it('refuses a year that ends before it starts, or an impossible date, naming the field', () => {
    given([])
      .when(open({ endDate: '2026-03-31' }))
      .thenThrows('end-before-start');
    given([])
      .when(open({ startDate: '2026-02-30' }))
      .thenThrows('invalid-date', { field: 'startDate' });
  });

  it('refuses a year longer than a school year', () => {
    given([])
      .when(open({ endDate: '2028-12-31' }))
      .thenThrows('academic-year-too-long', { maxDays: MAX_YEAR_DAYS });
  });

  it("refuses a year that overlaps another of the school's years, or reuses its name", () => {
    const next = { yearId: NEXT, startDate: '2027-03-01', endDate: '2028-02-28', name: '2027-28' };
    given([yearOpened()]).when(open(next)).thenThrows('academic-years-overlap', { yearId: YEAR });
    given([yearOpened()])
      .when(open({ ...next, startDate: '2027-04-01', endDate: '2028-03-31', name: '2026-27' }))
      .thenThrows('academic-year-name-taken');
  });

  it('opens the next year right after this one', () => {
    const next = { yearId: NEXT, startDate: '2027-04-01', endDate: '2028-03-31', name: '2027-28' };
    given([yearOpened()])
      .when(open(next))
      .then([admin.academicYearOpened({ ...next, schoolId: SCHOOL, openedAt: NOW })]);
  });

  it('refuses a second opening of one year, and a year of another school on this calendar', () => {
    given([yearOpened()])
      .when(open({ name: 'Again' }))
      .thenThrows('academic-year-already-opened');
    given([yearOpened()])
      .when(open({ schoolId: OTHER_SCHOOL }))
      .thenThrows('calendar-of-another-school');
  });
});

describe('defining terms', () => {
  it('defines a term inside its year', () => {
    given([yearOpened()]).when(term()).then([termDefined()]);
  });

  it('refuses a term of a year the school has not opened', () => {
    given([]).when(term()).thenThrows('academic-year-not-found');
  });

  it('refuses a term that reaches outside its year', () => {
    given([yearOpened()])
      .when(term({ endDate: '2027-04-30' }))
      .thenThrows('term-outside-year');
    given([yearOpened()])
      .when(term({ startDate: '2026-03-31' }))
      .thenThrows('term-outside-year');
  });

  it('refuses terms that overlap, or share a name, in one year', () => {
    const second = { termId: TERM_2, name: 'Term 2', startDate: '2026-09-30', endDate: '2027-03-31' };
    given([yearOpened(), termDefined()]).when(term(second)).thenThrows('terms-overlap', { termId: TERM });
    given([yearOpened(), termDefined()])
      .when(term({ ...second, startDate: '2026-10-01', name: 'term 1' }))
      .thenThrows('term-name-taken');
    given([yearOpened(), termDefined()])
      .when(term({ ...second, startDate: '2026-10-01' }))
      .then([termDefined({ ...second, startDate: '2026-10-01' })]);
  });

  it('refuses a term with a formula for a name', () => {
    given([yearOpened()])
      .when(term({ name: '=HYPERLINK("x")' }))
      .thenThrows('formula-like-text', { field: 'name' });
  });
});
