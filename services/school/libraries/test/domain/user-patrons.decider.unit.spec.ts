import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { userPatronsDecider } from '../../src/domain';
import type { LinkUserPatron, UserPatronsCommand } from '../../src/domain';
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

describe('a user’s deactivation as libraries notes it', () => {
  const note = (type: 'NoteUserDeactivated' | 'NoteUserReactivated'): UserPatronsCommand => ({
    type,
    data: { userId: USER },
    metadata: at(),
  });
  const deactivated = libraries.userDeactivationNoted({ userId: USER, notedAt: NOW });
  const reactivated = libraries.userReactivationNoted({ userId: USER, notedAt: NOW });

  it('given an active user, when identity deactivates them, then UserDeactivationNoted; a second time changes nothing', () => {
    given([linked(PATRON, SCHOOL)])
      .when(note('NoteUserDeactivated'))
      .then([deactivated]);
    given([linked(PATRON, SCHOOL), deactivated])
      .when(note('NoteUserDeactivated'))
      .then([]);
  });

  it('given a deactivated user, when reactivated, then UserReactivationNoted; an active user’s reactivation changes nothing', () => {
    given([deactivated]).when(note('NoteUserReactivated')).then([reactivated]);
    given([deactivated, reactivated]).when(note('NoteUserReactivated')).then([]);
    given([]).when(note('NoteUserReactivated')).then([]);
  });
});
