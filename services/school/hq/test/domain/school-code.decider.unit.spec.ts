import { hq } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { schoolCodeDecider } from '../../src/domain';
import type { ClaimSchoolCode } from '../../src/domain';
import { metadata, NOW, OTHER_SCHOOL, SCHOOL } from './hq-fixtures';

const given = deciderSpec(schoolCodeDecider);
const claim = (schoolId = SCHOOL, code = ' north-1'): ClaimSchoolCode => ({
  type: 'ClaimSchoolCode',
  data: { code, schoolId },
  metadata,
});
const claimed = hq.schoolCodeClaimed({ code: 'NORTH-1', schoolId: SCHOOL, claimedAt: NOW });

describe('school code unique in the group', () => {
  it('given a free code, when a school claims it, then SchoolCodeClaimed with the code upper-cased', () => {
    given([]).when(claim()).then([claimed]);
  });

  it('given a code held by another school, when claimed, then school-code-taken', () => {
    given([claimed]).when(claim(OTHER_SCHOOL)).thenThrows('school-code-taken', { code: 'NORTH-1' });
  });

  it('given a code held by the same school, when claimed again (a retried opening), then nothing', () => {
    given([claimed]).when(claim()).then([]);
  });

  it('given a code held, when a different code is claimed on its stream, then wrong-school-code-stream', () => {
    given([claimed]).when(claim(SCHOOL, 'SOUTH')).thenThrows('wrong-school-code-stream');
  });

  it('given nothing, when the code is malformed, then invalid-school-code', () => {
    given([]).when(claim(SCHOOL, '-X')).thenThrows('invalid-school-code');
  });
});
