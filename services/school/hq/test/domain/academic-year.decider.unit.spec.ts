import { hq } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { academicYearDecider } from '../../src/domain';
import type { PublishAcademicYear, SchoolFact, Term } from '../../src/domain';
import { HQ_ADMIN, metadata, NOW, OTHER_SCHOOL, SCHOOL } from './hq-fixtures';

const given = deciderSpec(academicYearDecider);
const YEAR = '0195f0a2-7c1e-7000-8000-00000000e001';
const term = (n: number, startDate: string, endDate: string): Term => ({
  termId: `0195f0a2-7c1e-7000-8000-00000000f00${n}`,
  name: `Term ${n}`,
  startDate,
  endDate,
});
const TERMS = [term(1, '2026-06-01', '2026-09-30'), term(2, '2026-10-05', '2027-03-31')];
const open = (schoolId: string): SchoolFact => ({ schoolId, status: 'open' });

const publish = (data: Partial<PublishAcademicYear['data']> = {}): PublishAcademicYear => ({
  type: 'PublishAcademicYear',
  data: {
    yearId: YEAR,
    name: ' 2026-27 ',
    startDate: '2026-06-01',
    endDate: '2027-03-31',
    terms: TERMS,
    schools: [open(SCHOOL)],
    publishedBy: HQ_ADMIN,
    ...data,
  },
  metadata,
});
const published = (overrides: Partial<hq.AcademicYearPublishedData> = {}) =>
  hq.academicYearPublished({
    yearId: YEAR,
    name: '2026-27',
    startDate: '2026-06-01',
    endDate: '2027-03-31',
    terms: TERMS,
    schoolIds: [SCHOOL],
    publishedBy: HQ_ADMIN,
    publishedAt: NOW,
    ...overrides,
  });

describe('publishing an academic-year template', () => {
  it('given nothing, when HQ publishes a year to a school, then AcademicYearPublished with its terms', () => {
    given([]).when(publish()).then([published()]);
  });

  it('given nothing, when published to no school in particular, then it is for every school of the group', () => {
    given([])
      .when(publish({ schools: [] }))
      .then([published({ schoolIds: [] })]);
  });

  it('given terms out of order, when published, then they are kept in date order', () => {
    given([])
      .when(publish({ terms: [TERMS[1], TERMS[0]] }))
      .then([published()]);
  });

  it('given a year, when it is published again, then academic-year-already-published', () => {
    given([published()]).when(publish()).thenThrows('academic-year-already-published');
  });

  it('given nothing, when the dates break a rule, then that rule', () => {
    given([])
      .when(publish({ startDate: '2026-02-30' }))
      .thenThrows('invalid-date', { field: 'startDate' });
    given([])
      .when(publish({ endDate: '2026-05-01' }))
      .thenThrows('ends-before-start', { field: 'endDate' });
    given([])
      .when(publish({ endDate: '2028-03-31' }))
      .thenThrows('year-too-long');
  });

  it('given nothing, when the terms break a rule, then that rule', () => {
    given([])
      .when(publish({ terms: [] }))
      .thenThrows('invalid-terms');
    given([])
      .when(publish({ terms: [term(1, '2026-05-01', '2026-09-30')] }))
      .thenThrows('term-outside-year', { term: 'Term 1' });
    given([])
      .when(publish({ terms: [term(1, '2026-06-01', '2026-10-10'), TERMS[1]] }))
      .thenThrows('terms-overlap', { terms: ['Term 1', 'Term 2'] });
    given([])
      .when(publish({ terms: [term(1, '2026-07-01', '2026-06-30')] }))
      .thenThrows('ends-before-start', { field: 'terms[0].endDate' });
    given([])
      .when(publish({ terms: [TERMS[0], { ...TERMS[1], name: 'term 1' }] }))
      .thenThrows('duplicate-term-name');
  });

  it('given nothing, when a named school is not open in the group, then school-not-open', () => {
    given([])
      .when(publish({ schools: [open(SCHOOL), { schoolId: OTHER_SCHOOL, status: 'closed' }] }))
      .thenThrows('school-not-open', { schoolId: OTHER_SCHOOL });
    given([])
      .when(publish({ schools: [open(SCHOOL), open(SCHOOL)] }))
      .thenThrows('duplicate-school');
  });
});
