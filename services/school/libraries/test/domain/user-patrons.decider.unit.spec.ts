import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { userPatronsDecider } from '../../src/domain';
import type { LinkUserPatron } from '../../src/domain';
import { at, NOW, OTHER_PATRON, PATRON, SCHOOL } from './library-fixtures';

const given = deciderSpec(userPatronsDecider);
const USER = '0190a1b2-0000-7000-8000-0000000000aa';
const OTHER_SCHOOL = '0190a1b2-0000-7000-8000-0000000000b2';
const link = (patronId: string, schoolId: string): LinkUserPatron => ({
  type: 'LinkUserPatron',
  data: { userId: USER, patronId, schoolId },
  metadata: at(),
});
const linked = (patronId: string, schoolId: string) =>
  libraries.userPatronLinked({ userId: USER, patronId, schoolId, linkedAt: NOW });

describe('a user’s patrons (the index a deactivation reads)', () => {
  it('given nothing, when a patron is registered for the user, then UserPatronLinked', () => {
    given([])
      .when(link(PATRON, SCHOOL))
      .then([linked(PATRON, SCHOOL)]);
  });

  it('given the user’s patron in one school, when they get one in another, then both are linked', () => {
    given([linked(PATRON, SCHOOL)])
      .when(link(OTHER_PATRON, OTHER_SCHOOL))
      .then([linked(OTHER_PATRON, OTHER_SCHOOL)]);
  });

  it('given the patron linked, then linking it again changes nothing', () => {
    given([linked(PATRON, SCHOOL)])
      .when(link(PATRON, SCHOOL))
      .then([]);
  });
});
