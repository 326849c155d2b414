import { profile } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { type Actor, profileDecider, type ProfileCommand } from '../../src/domain';
import {
  ADMIN_ID,
  AUNT,
  employeeProfile,
  FATHER,
  guardianLinked,
  meta,
  MOTHER,
  NOW,
  person,
  schoolAdmin,
  studentProfile,
  system,
  USER,
} from './fixtures';

const given = deciderSpec(profileDecider);
const linkGuardian = (
  guardianUserId: string,
  primary: boolean,
  actor: Actor = schoolAdmin,
  relationship = 'mother',
): ProfileCommand => ({
  type: 'LinkGuardian',
  data: { actor, guardianUserId, relationship, primary },
  ...meta(),
});
const unlinkGuardian = (guardianUserId: string, actor: Actor = schoolAdmin): ProfileCommand => ({
  type: 'UnlinkGuardian',
  data: { actor, guardianUserId },
  ...meta(),
});
const makePrimary = (guardianUserId: string): ProfileCommand => ({
  type: 'ChangePrimaryGuardian',
  data: { actor: schoolAdmin, guardianUserId },
  ...meta(),
});
const unlinked = (guardianUserId: string) =>
  profile.guardianUnlinked({ studentUserId: USER, guardianUserId, unlinkedBy: ADMIN_ID, unlinkedAt: NOW });
const two = [studentProfile, guardianLinked(MOTHER, true), guardianLinked(FATHER, false, 'father')];

describe('rule: a student has at least one guardian, exactly one primary', () => {
  it('makes the first guardian primary, even when not asked to', () => {
    given([studentProfile])
      .when(linkGuardian(MOTHER, false))
      .then([guardianLinked(MOTHER, true)]);
  });

  it('links further guardians as non-primary', () => {
    given([studentProfile, guardianLinked(MOTHER, true)])
      .when(linkGuardian(FATHER, false, schoolAdmin, 'father'))
      .then([guardianLinked(FATHER, false, 'father')]);
  });

  it('refuses a second primary instead of silently demoting the first', () => {
    given([studentProfile, guardianLinked(MOTHER, true)])
      .when(linkGuardian(FATHER, true))
      .thenThrows('primary-guardian-exists');
  });

  it('moves the primary role explicitly', () => {
    given(two)
      .when(makePrimary(FATHER))
      .then([
        profile.primaryGuardianChanged({
          studentUserId: USER,
          guardianUserId: FATHER,
          previousGuardianUserId: MOTHER,
          changedBy: ADMIN_ID,
          changedAt: NOW,
        }),
      ]);
    given(two).when(makePrimary(MOTHER)).thenThrows('guardian-already-primary');
    given(two).when(makePrimary(AUNT)).thenThrows('guardian-not-linked');
  });

  it('refuses to unlink the last guardian', () => {
    given([studentProfile, guardianLinked(MOTHER, true)])
      .when(unlinkGuardian(MOTHER))
      .thenThrows('last-guardian');
  });

  it('refuses to unlink the primary guardian while others remain', () => {
    given(two).when(unlinkGuardian(MOTHER)).thenThrows('primary-guardian-cannot-be-unlinked');
  });

  it('unlinks a non-primary guardian', () => {
    given(two)
      .when(unlinkGuardian(FATHER))
      .then([unlinked(FATHER)]);
  });

  it('after a change of primary, the former primary may be unlinked', () => {
    const changed = profile.primaryGuardianChanged({
      studentUserId: USER,
      guardianUserId: FATHER,
      previousGuardianUserId: MOTHER,
      changedBy: ADMIN_ID,
      changedAt: NOW,
    });
    given([...two, changed])
      .when(unlinkGuardian(MOTHER))
      .then([unlinked(MOTHER)]);
  });
});

describe('feature: guardian links are set by admins or policies', () => {
  it('lets a policy (StudentAdmitted) link a guardian', () => {
    given([studentProfile])
      .when(linkGuardian(MOTHER, true, system))
      .then([
        profile.guardianLinked({
          studentUserId: USER,
          guardianUserId: MOTHER,
          relationship: 'mother',
          primary: true,
          linkedBy: null,
          linkedAt: NOW,
        }),
      ]);
  });

  it('refuses a teacher, a guardian or the student', () => {
    given([studentProfile])
      .when(linkGuardian(MOTHER, true, person(ADMIN_ID, 'teacher')))
      .thenThrows('guardian-links-admin-only');
    given(two)
      .when(unlinkGuardian(FATHER, person(MOTHER, 'guardian')))
      .thenThrows('guardian-links-admin-only');
    given([studentProfile])
      .when(linkGuardian(MOTHER, true, person(USER, 'student')))
      .thenThrows('guardian-links-admin-only');
  });

  it('refuses a link on a profile that is not a student, the student as their own guardian, a duplicate, or no relationship', () => {
    given([employeeProfile]).when(linkGuardian(MOTHER, true)).thenThrows('not-a-student-profile');
    given([studentProfile]).when(linkGuardian(USER, true)).thenThrows('guardian-is-the-student');
    given([studentProfile, guardianLinked(MOTHER, true)])
      .when(linkGuardian(MOTHER, false))
      .thenThrows('guardian-already-linked');
    given([studentProfile])
      .when(linkGuardian(MOTHER, true, schoolAdmin, ' '))
      .thenThrows('relationship-required');
    given([studentProfile]).when(linkGuardian('mum', true)).thenThrows('invalid-user-id');
    given(two).when(unlinkGuardian(AUNT)).thenThrows('guardian-not-linked');
  });
});
