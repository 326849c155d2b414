import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { subjectsDecider } from '../../src/domain';
import type { DefineSubject } from '../../src/domain';
import { metadata, NOW, OTHER_SCHOOL, SCHOOL, SUBJECT } from './fixtures';

const given = deciderSpec(subjectsDecider);
const define = (over: Partial<DefineSubject['data']> = {}): DefineSubject => ({
  type: 'DefineSubject',
  data: { subjectId: SUBJECT, schoolId: SCHOOL, code: ' math ', name: 'Mathematics', ...over },
  metadata,
});
const defined = admin.subjectDefined({
  subjectId: SUBJECT,
  schoolId: SCHOOL,
  code: 'MATH',
  name: 'Mathematics',
  definedAt: NOW,
});

describe('subjects', () => {
  it('defines a subject with its code upper-cased', () => {
    given([]).when(define()).then([defined]);
  });

  it('refuses a code another subject of the school has, or a malformed one', () => {
    const other = '0195f0a2-7c1e-7000-8000-00000000f00f';
    given([defined])
      .when(define({ subjectId: other, code: 'Math' }))
      .thenThrows('subject-code-taken');
    given([])
      .when(define({ code: 'MA TH' }))
      .thenThrows('invalid-subject-code');
  });

  it("refuses a subject of another school on this school's list", () => {
    given([defined])
      .when(define({ schoolId: OTHER_SCHOOL, code: 'SCI' }))
      .thenThrows('subjects-of-another-school');
  });
});
