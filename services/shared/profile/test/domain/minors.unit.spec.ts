import { deciderSpec } from '@hexfleet/testing';
import { type Actor, ageOn, isMinor, profileDecider, type ProfileCommand } from '../../src/domain';
import {
  ADMIN_ID,
  bornOn,
  FATHER,
  guardianLinked,
  initialFields,
  meta,
  MOTHER,
  person,
  schoolAdmin,
  studentProfile,
  system,
  updated,
  USER,
} from './fixtures';

const given = deciderSpec(profileDecider);
const school = initialFields('Kid Silva', 'kid@school.test');
const rename = (actor: Actor, now?: string): ProfileCommand => ({
  type: 'UpdateProfile',
  data: { actor, changes: { preferredName: 'Kiddo' } },
  ...meta(now),
});
const prefs = (actor: Actor): ProfileCommand => ({
  type: 'ChangePreferences',
  data: { actor, changes: { language: 'pt' } },
  ...meta(),
});
const student = person(USER, 'student');
// NOW is 2026-03-02: born 2010-03-03 is 15, born 2008-03-02 turns 18 today.
const minor = [studentProfile, bornOn('2010-03-03'), guardianLinked(MOTHER, true)];
const renamed = (by: string | null, birthDate = '2010-03-03') =>
  updated({ ...school, birthDate, preferredName: 'Kiddo' }, ['preferredName'], by);

describe("rule: only a guardian or an admin edits a minor's profile", () => {
  it('refuses the minor editing their own profile or preferences', () => {
    given(minor).when(rename(student)).thenThrows('minor-profile-guardian-or-admin-only');
    given(minor).when(prefs(student)).thenThrows('minor-profile-guardian-or-admin-only');
  });

  it('lets a linked guardian edit it', () => {
    given(minor)
      .when(rename(person(MOTHER, 'guardian')))
      .then([renamed(MOTHER)]);
  });

  it('refuses a guardian of another student (the role alone is not enough)', () => {
    given(minor)
      .when(rename(person(FATHER, 'guardian')))
      .thenThrows('minor-profile-guardian-or-admin-only');
  });

  it('lets an admin or a policy edit it', () => {
    given(minor)
      .when(rename(schoolAdmin))
      .then([renamed(ADMIN_ID)]);
    given(minor)
      .when(rename(system))
      .then([renamed(null)]);
  });

  it('counts age on the day of the command: at 18 the person edits their own profile', () => {
    const adult = [studentProfile, bornOn('2008-03-02'), guardianLinked(MOTHER, true)];
    given(adult)
      .when(rename(student))
      .then([renamed(USER, '2008-03-02')]);
    given(adult).when(rename(student, '2026-03-01T23:59:59.000Z')).thenThrows('minor-profile-guardian-or-admin-only');
  });

  it('treats an unknown birth date as not a minor', () => {
    given([studentProfile])
      .when(rename(student))
      .then([updated({ ...school, preferredName: 'Kiddo' }, ['preferredName'], USER)]);
  });

  it('computes whole years, the birthday itself counting', () => {
    expect(ageOn('2008-03-02', '2026-03-02T00:00:00.000Z')).toBe(18);
    expect(ageOn('2008-03-03', '2026-03-02T23:59:59.000Z')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28T12:00:00.000Z')).toBe(17);
    expect(isMinor(null, '2026-03-02T00:00:00.000Z')).toBe(false);
  });
});
