import { profile } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { allFacts, studentFactsOnProfile } from '../../src/application/student-facts';
import { profileDecider, type ProfileState, studentLinkDecider, type StudentLinkCommand } from '../../src/domain';
import { FATHER, meta, MOTHER, NOW, STUDENT } from './fixtures';

const SCHOOL = '018f3a2e-7b1c-7d00-8a00-0000000000a1';
const GROUP = '018f3a2e-7b1c-7d00-8a00-0000000000b1';
const GROUP_2 = '018f3a2e-7b1c-7d00-8a00-0000000000b2';

const given = deciderSpec(studentLinkDecider);
const record = (data: {
  admissionNumber?: string;
  groupId?: string | null;
  schoolId?: string;
  className?: string | null;
}): StudentLinkCommand => ({
  type: 'NoteRecord',
  data: { studentId: STUDENT, schoolId: SCHOOL, ...data },
  ...meta(),
});
const guardian = (guardianUserId: string, primary: boolean, relationship = 'mother'): StudentLinkCommand => ({
  type: 'NoteGuardian',
  data: { studentId: STUDENT, guardianUserId, relationship, primary },
  ...meta(),
});
const noteProfile: StudentLinkCommand = { type: 'NoteProfile', data: { studentId: STUDENT }, ...meta() };
const recorded = (admissionNumber: string, groupId: string | null, className: string | null = null) =>
  profile.studentRecordNoted({
    studentId: STUDENT,
    schoolId: SCHOOL,
    admissionNumber,
    groupId,
    className,
    notedAt: NOW,
  });
const classNamed = (groupId: string, className: string): StudentLinkCommand => ({
  type: 'NoteClassName',
  data: { studentId: STUDENT, groupId, className },
  ...meta(),
});
const guardianNoted = (guardianUserId: string, primary: boolean, relationship = 'mother') =>
  profile.studentGuardianNoted({ studentId: STUDENT, guardianUserId, relationship, primary, notedAt: NOW });
const profileNoted = profile.studentProfileNoted({ studentId: STUDENT, notedAt: NOW });

describe("feature: a student's school record and guardians reach the profile whichever event comes first (ADR 0047)", () => {
  it('notes the admission, then only what an enrolment or a group change adds', () => {
    given([])
      .when(record({ admissionNumber: ' A-1 ' }))
      .then([recorded('A-1', null)]);
    given([recorded('A-1', null)])
      .when(record({ admissionNumber: 'A-1', groupId: GROUP }))
      .then([recorded('A-1', GROUP)]);
    given([recorded('A-1', GROUP)])
      .when(record({ groupId: GROUP_2 }))
      .then([recorded('A-1', GROUP_2)]);
  });

  it('notes nothing when the record is what it already knows (a redelivery, a second enrolment alike)', () => {
    given([recorded('A-1', GROUP)])
      .when(record({ admissionNumber: 'A-1', groupId: GROUP }))
      .then([]);
    given([recorded('A-1', GROUP)])
      .when(record({}))
      .then([]);
  });

  it("takes the group's name as the class, keeps it while the group stays, and forgets it on a move", () => {
    given([recorded('A-1', GROUP)])
      .when(classNamed(GROUP, 'Grade 5 B'))
      .then([recorded('A-1', GROUP, 'Grade 5 B')]);
    given([recorded('A-1', null)])
      .when(record({ groupId: GROUP, className: 'Grade 5 B' }))
      .then([recorded('A-1', GROUP, 'Grade 5 B')]);
    given([recorded('A-1', GROUP, 'Grade 5 B')])
      .when(record({ admissionNumber: 'A-1', groupId: GROUP }))
      .then([]);
    given([recorded('A-1', GROUP, 'Grade 5 B')])
      .when(record({ groupId: GROUP_2 }))
      .then([recorded('A-1', GROUP_2, null)]);
  });

  it("ignores a group's name when the student is not (or no longer) in it, or has it already", () => {
    given([]).when(classNamed(GROUP, 'Grade 5 B')).then([]);
    given([recorded('A-1', GROUP_2)])
      .when(classNamed(GROUP, 'Grade 5 B'))
      .then([]);
    given([recorded('A-1', GROUP, 'Grade 5 B')])
      .when(classNamed(GROUP, 'Grade 5 B'))
      .then([]);
  });

  it('notes each guardian account once, and the profile once', () => {
    given([])
      .when(guardian(MOTHER, true))
      .then([guardianNoted(MOTHER, true)]);
    given([guardianNoted(MOTHER, true)])
      .when(guardian(MOTHER, true))
      .then([]);
    given([guardianNoted(MOTHER, true)])
      .when(noteProfile)
      .then([profileNoted]);
    given([profileNoted]).when(noteProfile).then([]);
  });

  it('refuses a group change before the record, bad ids, the student as guardian and an empty relationship', () => {
    given([])
      .when(record({ groupId: GROUP }))
      .thenThrows('student-record-unknown');
    given([])
      .when({ type: 'NoteRecord', data: { studentId: 'x', schoolId: SCHOOL, admissionNumber: 'A-1' }, ...meta() })
      .thenThrows('invalid-student-id');
    given([])
      .when(record({ admissionNumber: 'A-1', schoolId: 'x' }))
      .thenThrows('invalid-school-id');
    given([])
      .when(record({ admissionNumber: 'A-1', groupId: 'x' }))
      .thenThrows('invalid-group-id');
    given([]).when(guardian('x', true)).thenThrows('invalid-user-id');
    given([]).when(guardian(STUDENT, true)).thenThrows('guardian-is-the-student');
    given([])
      .when(guardian(MOTHER, true, ' '))
      .thenThrows('relationship-required');
  });
});

describe("rule: the student's profile ends with the same links and Admin's primary, in any order (ADR 0047)", () => {
  const created = profile.profileCreated({
    userId: STUDENT,
    product: 'school',
    fullName: 'Kid Rao',
    email: 'kid@school.test',
    studentId: STUDENT,
    createdAt: NOW,
  });
  const fold = <S, E>(evolve: (s: S, e: E) => S, initial: S, events: readonly E[]) => events.reduce(evolve, initial);
  const profileAfter = (events: readonly profile.ProfileProfileV1Event[]): ProfileState =>
    fold(profileDecider.evolve, profileDecider.initialState, events);
  const linkOf = (events: ReturnType<typeof guardianNoted>[]) =>
    fold(studentLinkDecider.evolve, studentLinkDecider.initialState, [recorded('A-1', GROUP), ...events]);
  const linksOf = (state: ProfileState) =>
    state.status === 'none'
      ? []
      : [...state.guardians].sort((a, b) => a.guardianUserId.localeCompare(b.guardianUserId));

  it('links Admin primary first when the facts wait for the profile, whatever order they came in', () => {
    const fatherFirst = linkOf([guardianNoted(FATHER, false, 'father'), guardianNoted(MOTHER, true)]);
    // (linkOf's record has no class yet: the field is left alone.)
    const events = studentFactsOnProfile(profileAfter([created]), allFacts(fatherFirst), { now: NOW });
    expect(events.map((e) => e.type)).toEqual(['ProfileUpdated', 'GuardianLinked', 'GuardianLinked']);
    const after = profileAfter([created, ...events]);
    expect(linksOf(after)).toEqual(
      [
        { guardianUserId: MOTHER, relationship: 'mother', primary: true },
        { guardianUserId: FATHER, relationship: 'father', primary: false },
      ].sort((a, b) => a.guardianUserId.localeCompare(b.guardianUserId)),
    );
    expect(after.status !== 'none' && after.fields.admissionNumber).toBe('A-1');
    expect(after.status !== 'none' && after.fields.className).toBeNull();
    const named = studentFactsOnProfile(
      after,
      { record: { schoolId: SCHOOL, admissionNumber: 'A-1', groupId: GROUP, className: 'Grade 5 B' }, guardians: [] },
      { now: NOW },
    );
    const withClass = profileAfter([created, ...events, ...named]);
    expect(withClass.status !== 'none' && withClass.fields.className).toBe('Grade 5 B');
  });

  it("moves the primary role to Admin's primary when a non-primary guardian was linked first", () => {
    const first = studentFactsOnProfile(
      profileAfter([created]),
      { record: null, guardians: [{ guardianUserId: FATHER, relationship: 'father', primary: false }] },
      { now: NOW },
    );
    const second = studentFactsOnProfile(
      profileAfter([created, ...first]),
      { record: null, guardians: [{ guardianUserId: MOTHER, relationship: 'mother', primary: true }] },
      { now: NOW },
    );
    expect(second.map((e) => e.type)).toEqual(['GuardianLinked', 'PrimaryGuardianChanged']);
    const primary = linksOf(profileAfter([created, ...first, ...second])).filter((g) => g.primary);
    expect(primary).toEqual([{ guardianUserId: MOTHER, relationship: 'mother', primary: true }]);
  });

  it('writes nothing on a profile that is not a student one, archived, or absent, nor a guardian again', () => {
    const facts = allFacts(linkOf([guardianNoted(MOTHER, true)]));
    expect(studentFactsOnProfile(profileAfter([]), facts, { now: NOW })).toEqual([]);
    const archived = profileAfter([created, profile.profileArchived({ userId: STUDENT, archivedAt: NOW })]);
    expect(studentFactsOnProfile(archived, facts, { now: NOW })).toEqual([]);
    const linked = studentFactsOnProfile(profileAfter([created]), facts, { now: NOW });
    expect(studentFactsOnProfile(profileAfter([created, ...linked]), facts, { now: NOW })).toEqual([]);
  });
});
