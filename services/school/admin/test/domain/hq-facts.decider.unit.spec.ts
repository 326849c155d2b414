import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { hqFactsDecider, openSchools } from '../../src/domain';
import type { HqFactsCommand } from '../../src/domain';
import { fold } from '@hexfleet/kernel';
import { metadata, NOW, OTHER_SCHOOL, SCHOOL } from './fixtures';

const given = deciderSpec(hqFactsDecider);
const template = {
  templateId: '0195f0a2-7c1e-7000-8000-0000000dd001',
  name: '2026-27',
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  terms: [
    { termId: '0195f0a2-7c1e-7000-8000-0000000dd002', name: 'Term 1', startDate: '2026-04-01', endDate: '2026-09-30' },
  ],
};
const school = (schoolId: string, open: boolean): HqFactsCommand => ({
  type: 'NoteSchool',
  data: { schoolId, open },
  metadata,
});
const noted = (schoolId: string, open: boolean) => admin.hqSchoolNoted({ schoolId, open, notedAt: NOW });

describe('what Admin has seen from HQ', () => {
  it('notes schools opened and closed, and each template for every school once', () => {
    given([])
      .when(school(SCHOOL, true))
      .then([noted(SCHOOL, true)]);
    given([noted(SCHOOL, true)])
      .when(school(SCHOOL, false))
      .then([noted(SCHOOL, false)]);
    given([])
      .when({ type: 'NoteTemplate', data: template, metadata })
      .then([admin.hqYearTemplateNoted({ ...template, notedAt: NOW })]);
  });

  it('notes nothing it knows already: a redelivered HQ event changes no fact', () => {
    given([noted(SCHOOL, true)])
      .when(school(SCHOOL, true))
      .then([]);
    given([admin.hqYearTemplateNoted({ ...template, notedAt: NOW })])
      .when({ type: 'NoteTemplate', data: template, metadata })
      .then([]);
  });

  it('knows which schools are open', () => {
    expect(
      openSchools(fold(hqFactsDecider, [noted(SCHOOL, true), noted(OTHER_SCHOOL, true), noted(SCHOOL, false)])),
    ).toEqual([OTHER_SCHOOL]);
  });
});
