import { hq } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { staffDecider, studentDecider } from '../../src/domain';
import type { Move, RecordHomeSchool, TransferStaff, TransferStudent } from '../../src/domain';
import { HQ_ADMIN, metadata, NOW, OTHER_SCHOOL, SCHOOL } from './hq-fixtures';

const THIRD_SCHOOL = '0195f0a2-7c1e-7000-8000-000000000003';
const STUDENT = '0195f0a2-7c1e-7000-8000-0000000000c1';
const TEACHER = '0195f0a2-7c1e-7000-8000-0000000000c2';
const TRANSFER = '0195f0a2-7c1e-7000-8000-0000000000d1';

const move = (overrides: Partial<Move> = {}): Move => ({
  transferId: TRANSFER,
  fromSchoolId: SCHOOL,
  toSchoolId: OTHER_SCHOOL,
  effectiveDate: '2026-04-01',
  reason: ' Family moved ',
  transferredBy: HQ_ADMIN,
  schools: { from: 'open', to: 'open' },
  ...overrides,
});
const transferStudent = (overrides: Partial<Move> = {}): TransferStudent => ({
  type: 'TransferStudent',
  data: { ...move(overrides), studentId: STUDENT },
  metadata,
});
const studentTransferred = (fromSchoolId: string, toSchoolId: string, effectiveDate = '2026-04-01') =>
  hq.studentTransferred({
    studentId: STUDENT,
    transferId: TRANSFER,
    fromSchoolId,
    toSchoolId,
    effectiveDate,
    reason: 'Family moved',
    transferredBy: HQ_ADMIN,
    transferredAt: NOW,
  });

describe('a student transfer', () => {
  const given = deciderSpec(studentDecider);

  it('given no transfer yet, when HQ moves the student, then StudentTransferred names both schools', () => {
    given([])
      .when(transferStudent())
      .then([studentTransferred(SCHOOL, OTHER_SCHOOL)]);
  });

  it('given a home school, when the next transfer starts from it, then the student moves on', () => {
    given([studentTransferred(SCHOOL, OTHER_SCHOOL)])
      .when(transferStudent({ fromSchoolId: OTHER_SCHOOL, toSchoolId: THIRD_SCHOOL, effectiveDate: '2026-05-01' }))
      .then([{ ...studentTransferred(OTHER_SCHOOL, THIRD_SCHOOL, '2026-05-01') }]);
  });

  it('given a home school, when a transfer starts from another school, then not-at-school (one home school at a time)', () => {
    given([studentTransferred(SCHOOL, OTHER_SCHOOL)])
      .when(transferStudent({ fromSchoolId: SCHOOL, toSchoolId: THIRD_SCHOOL }))
      .thenThrows('not-at-school', { currentSchoolId: OTHER_SCHOOL });
  });

  it('given a move, when the next one is dated before it, then transfer-before-last', () => {
    given([studentTransferred(SCHOOL, OTHER_SCHOOL, '2026-04-01')])
      .when(transferStudent({ fromSchoolId: OTHER_SCHOOL, toSchoolId: SCHOOL, effectiveDate: '2026-03-31' }))
      .thenThrows('transfer-before-last');
  });

  it('given nothing, when the schools break a rule, then that rule', () => {
    given([])
      .when(transferStudent({ toSchoolId: SCHOOL }))
      .thenThrows('transfer-to-same-school');
    given([])
      .when(transferStudent({ schools: { from: 'open', to: 'closed' } }))
      .thenThrows('school-not-open', { schoolId: OTHER_SCHOOL });
    given([])
      .when(transferStudent({ schools: { from: 'none', to: 'open' } }))
      .thenThrows('school-not-in-group', { field: 'fromSchoolId' });
    given([])
      .when(transferStudent({ effectiveDate: '2026-04-31' }))
      .thenThrows('invalid-date');
    given([])
      .when(transferStudent({ reason: 'x'.repeat(501) }))
      .thenThrows('reason-too-long');
  });

  it('given nothing, when the student leaves a closed school, then the transfer goes ahead', () => {
    given([])
      .when(transferStudent({ schools: { from: 'closed', to: 'open' } }))
      .then([studentTransferred(SCHOOL, OTHER_SCHOOL)]);
  });
});

describe('the home school, from Admin’s enrolments', () => {
  const given = deciderSpec(studentDecider);
  const YEAR = '0195f0a2-7c1e-7000-8000-0000000000e1';
  const enrolled = (schoolId: string, enrolledOn = '2026-04-01'): RecordHomeSchool => ({
    type: 'RecordHomeSchool',
    data: { studentId: STUDENT, schoolId, yearId: YEAR, enrolledOn },
    metadata,
  });
  const recorded = (schoolId: string, since = '2026-04-01') =>
    hq.studentHomeRecorded({ studentId: STUDENT, schoolId, yearId: YEAR, since, recordedAt: NOW });

  it('given nothing, when the student is enrolled, then the school is their home from the first day', () => {
    given([])
      .when(enrolled(SCHOOL))
      .then([recorded(SCHOOL)]);
  });

  it('given the home school, when an enrolment there arrives again (another year, a replay), then nothing', () => {
    given([recorded(SCHOOL)])
      .when(enrolled(SCHOOL, '2027-04-01'))
      .then([]);
  });

  it('given a home school, when a later enrolment names another school, then that one is home (one at a time)', () => {
    given([recorded(SCHOOL)])
      .when(enrolled(OTHER_SCHOOL, '2026-09-01'))
      .then([recorded(OTHER_SCHOOL, '2026-09-01')]);
  });

  it('given a transfer effective later, when an older enrolment arrives, then the transfer stands', () => {
    given([recorded(SCHOOL), studentTransferred(SCHOOL, OTHER_SCHOOL, '2026-06-01')])
      .when(enrolled(SCHOOL, '2026-04-01'))
      .then([]);
  });

  it('given a home school from an enrolment, when a transfer starts elsewhere, then not-at-school; from it, it moves', () => {
    given([recorded(OTHER_SCHOOL)])
      .when(transferStudent({ fromSchoolId: SCHOOL, toSchoolId: THIRD_SCHOOL }))
      .thenThrows('not-at-school', { currentSchoolId: OTHER_SCHOOL });
    given([recorded(SCHOOL)])
      .when(transferStudent())
      .then([studentTransferred(SCHOOL, OTHER_SCHOOL)]);
  });

  it('given nothing, when the enrolment’s day is not a date, then invalid-date', () => {
    given([]).when(enrolled(SCHOOL, '2026-02-30')).thenThrows('invalid-date');
  });
});

describe('a staff transfer', () => {
  const given = deciderSpec(staffDecider);
  const transferStaff = (roles: string[], overrides: Partial<Move> = {}): TransferStaff => ({
    type: 'TransferStaff',
    data: { ...move(overrides), userId: TEACHER, roles },
    metadata,
  });

  it('given nothing, when a teacher moves with their roles, then StaffTransferred carries them', () => {
    given([])
      .when(transferStaff(['teacher', 'librarian']))
      .then([
        hq.staffTransferred({
          userId: TEACHER,
          transferId: TRANSFER,
          fromSchoolId: SCHOOL,
          toSchoolId: OTHER_SCHOOL,
          roles: ['teacher', 'librarian'],
          effectiveDate: '2026-04-01',
          reason: 'Family moved',
          transferredBy: HQ_ADMIN,
          transferredAt: NOW,
        }),
      ]);
  });

  it('given nothing, when the roles are none, unknown, twice or the group’s own, then invalid-staff-roles', () => {
    for (const roles of [[], ['janitor'], ['teacher', 'teacher'], ['hq-admin']])
      given([]).when(transferStaff(roles)).thenThrows('invalid-staff-roles', { field: 'roles' });
  });

  it('given a placement, when a transfer starts from another school, then not-at-school', () => {
    const placed = staffDecider.decide(transferStaff(['teacher']), staffDecider.initialState);
    given(placed)
      .when(transferStaff(['teacher'], { fromSchoolId: THIRD_SCHOOL, toSchoolId: SCHOOL }))
      .thenThrows('not-at-school', { currentSchoolId: OTHER_SCHOOL });
  });
});
