import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { studentDecider } from '../../src/domain';
import type { Admission, Placement, StudentCommand } from '../../src/domain';
import {
  admission,
  admitted,
  enrolled,
  GROUP,
  metadata,
  NEXT_YEAR,
  nextYear,
  NOW,
  OTHER_GROUP,
  OTHER_SCHOOL,
  primary,
  SCHOOL,
  secondary,
  STUDENT,
  year,
  YEAR,
} from './fixtures';

const given = deciderSpec(studentDecider);
const admit = (over: Partial<Admission> = {}): StudentCommand => ({
  type: 'AdmitStudent',
  data: admission(over),
  metadata,
});
const placement = (over: Partial<Placement> = {}): Placement => ({
  groupId: GROUP,
  schoolId: SCHOOL,
  yearId: YEAR,
  rollNumber: 1,
  ...over,
});
const enrol = (
  over: { enrolledOn?: string; placement?: Placement | null; year?: typeof year } = {},
): StudentCommand => ({
  type: 'EnrolStudent',
  data: { year, enrolledOn: '2026-04-01', placement: placement(), ...over },
  metadata,
});
const withdraw = (withdrawnOn = '2026-06-30'): StudentCommand => ({
  type: 'WithdrawStudent',
  data: { reason: 'moved to another city', withdrawnOn },
  metadata,
});
const withdrawn = admin.studentWithdrawn({
  studentId: STUDENT,
  schoolId: SCHOOL,
  yearId: YEAR,
  groupId: GROUP,
  reason: 'moved to another city',
  withdrawnOn: '2026-06-30',
  withdrawnAt: NOW,
});

describe('admission', () => {
  it('admits a student with the primary guardian first, contacts normalised', () => {
    given([]).when(admit()).then([admitted()]);
  });

  it('refuses guardians that are missing, without a primary, with two primaries, or without a contact', () => {
    given([])
      .when(admit({ guardians: [] }))
      .thenThrows('guardian-required');
    given([])
      .when(admit({ guardians: [secondary] }))
      .thenThrows('one-primary-guardian-required', { primaries: 0 });
    given([])
      .when(admit({ guardians: [primary, { ...secondary, primary: true }] }))
      .thenThrows('one-primary-guardian-required', { primaries: 2 });
    given([])
      .when(admit({ guardians: [{ ...primary, email: null, phone: null }] }))
      .thenThrows('guardian-contact-required', { field: 'guardians[0].email' });
    given([])
      .when(admit({ guardians: [primary, secondary, secondary, secondary, secondary] }))
      .thenThrows('too-many-guardians');
  });

  it('refuses a malformed admission number, email, phone or gender, naming the field', () => {
    given([])
      .when(admit({ admissionNumber: 'ADM 1' }))
      .thenThrows('invalid-admission-number');
    given([])
      .when(admit({ email: 'meera@' }))
      .thenThrows('invalid-email', { field: 'email' });
    given([])
      .when(admit({ guardians: [{ ...primary, phone: 'call me' }] }))
      .thenThrows('invalid-phone', { field: 'guardians[0].phone' });
    given([])
      .when(admit({ gender: 'robot' }))
      .thenThrows('invalid-gender');
  });

  it('refuses a birth date on or after admission, and a name a spreadsheet would run as a formula', () => {
    given([])
      .when(admit({ birthDate: '2026-03-01' }))
      .thenThrows('birth-date-not-before-admission');
    given([])
      .when(admit({ firstName: "=cmd|' /C calc'!A0" }))
      .thenThrows('formula-like-text', { field: 'firstName' });
    given([])
      .when(admit({ guardians: [{ ...primary, name: '@SUM(1+1)' }] }))
      .thenThrows('formula-like-text', { field: 'guardians[0].name' });
  });

  it('refuses to admit a student twice', () => {
    given([admitted()]).when(admit()).thenThrows('student-already-admitted');
  });
});

describe('enrolment', () => {
  it('enrols an admitted student for a year, in a group, carrying what other services need', () => {
    given([admitted()]).when(enrol()).then([enrolled()]);
  });

  it('enrols without a group, to be placed later', () => {
    given([admitted()])
      .when(enrol({ placement: null }))
      .then([enrolled({ groupId: null, rollNumber: null })]);
  });

  it('refuses a student who is unknown, withdrawn or already enrolled', () => {
    given([]).when(enrol()).thenThrows('student-not-found');
    given([admitted(), enrolled()]).when(enrol()).thenThrows('student-already-enrolled', { yearId: YEAR });
    given([admitted(), admin.studentWithdrawn({ ...withdrawn.data, yearId: null, groupId: null })])
      .when(enrol())
      .thenThrows('student-withdrawn');
  });

  it("refuses another school's year, a day outside the year or before admission, and a group of another year", () => {
    given([admitted()])
      .when(enrol({ year: { ...year, schoolId: OTHER_SCHOOL } }))
      .thenThrows('academic-year-of-another-school');
    given([admitted()])
      .when(enrol({ enrolledOn: '2027-04-01' }))
      .thenThrows('enrolment-outside-year');
    given([admitted()])
      .when(enrol({ year: { ...year, startDate: '2026-01-01' }, enrolledOn: '2026-02-01' }))
      .thenThrows('enrolment-before-admission');
    given([admitted()])
      .when(enrol({ placement: placement({ yearId: NEXT_YEAR }) }))
      .thenThrows('group-not-in-year');
  });
});

describe('changing group', () => {
  const change = (over: Partial<Placement> = {}): StudentCommand => ({
    type: 'ChangeGroup',
    data: { placement: placement({ groupId: OTHER_GROUP, rollNumber: 7, ...over }) },
    metadata,
  });

  it('moves an enrolled student to another group of the year', () => {
    given([admitted(), enrolled()])
      .when(change())
      .then([
        admin.studentGroupChanged({
          studentId: STUDENT,
          schoolId: SCHOOL,
          yearId: YEAR,
          fromGroupId: GROUP,
          toGroupId: OTHER_GROUP,
          rollNumber: 7,
          changedAt: NOW,
        }),
      ]);
  });

  it('refuses the group the student is in, a group of another year, and a student not enrolled', () => {
    given([admitted(), enrolled()])
      .when(change({ groupId: GROUP }))
      .thenThrows('student-already-in-group');
    given([admitted(), enrolled()])
      .when(change({ yearId: NEXT_YEAR }))
      .thenThrows('group-not-in-year');
    given([admitted()]).when(change()).thenThrows('student-not-enrolled');
    given([admitted(), enrolled(), withdrawn]).when(change()).thenThrows('student-withdrawn');
  });
});

describe('withdrawal', () => {
  it('withdraws an enrolled student, naming the year and group left', () => {
    given([admitted(), enrolled()]).when(withdraw()).then([withdrawn]);
  });

  it('refuses a second withdrawal, and a day before admission', () => {
    given([admitted(), enrolled(), withdrawn]).when(withdraw()).thenThrows('student-already-withdrawn');
    given([admitted()]).when(withdraw('2026-01-01')).thenThrows('withdrawal-before-admission');
  });
});

describe('promotion', () => {
  const promote = (over: { fromYear?: typeof year; toYear?: typeof year } = {}): StudentCommand => ({
    type: 'PromoteStudent',
    data: {
      fromYear: year,
      toYear: nextYear,
      placement: placement({ groupId: OTHER_GROUP, yearId: NEXT_YEAR, rollNumber: 3 }),
      ...over,
    },
    metadata,
  });

  it("promotes an enrolled student to a later year's group", () => {
    given([admitted(), enrolled()])
      .when(promote())
      .then([
        admin.studentPromoted({
          studentId: STUDENT,
          schoolId: SCHOOL,
          fromYearId: YEAR,
          fromGroupId: GROUP,
          toYearId: NEXT_YEAR,
          toGroupId: OTHER_GROUP,
          rollNumber: 3,
          rolloverId: null,
          promotedAt: NOW,
        }),
      ]);
  });

  it('refuses a student not enrolled in the year promoted from, or a year that is not later', () => {
    given([admitted(), enrolled()])
      .when(promote({ fromYear: nextYear }))
      .thenThrows('student-not-enrolled-for-year');
    given([admitted(), enrolled()])
      .when(promote({ toYear: { ...nextYear, startDate: '2027-03-01' } }))
      .thenThrows('promotion-not-to-a-later-year');
    given([admitted(), enrolled(), withdrawn]).when(promote()).thenThrows('student-withdrawn');
  });
});
