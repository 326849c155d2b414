import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { groupDecider, MAX_CAPACITY, nextRollNumber } from '../../src/domain';
import type { GroupCommand, StudentFacts } from '../../src/domain';
import { fold } from '@hexfleet/kernel';
import {
  added,
  facts,
  GROUP,
  groupCreated,
  metadata,
  NOW,
  OTHER_SCHOOL,
  SCHOOL,
  STUDENT,
  SUBJECT,
  TEACHER,
  YEAR,
} from './fixtures';

const given = deciderSpec(groupDecider);
const SECOND = '0195f0a2-7c1e-7000-8000-00000000e002';
const THIRD = '0195f0a2-7c1e-7000-8000-00000000e003';

const create = (over: { capacity?: number; name?: string | null } = {}): GroupCommand => ({
  type: 'CreateGroup',
  data: { groupId: GROUP, year: { yearId: YEAR, schoolId: SCHOOL }, grade: ' 5 ', section: 'B', capacity: 2, ...over },
  metadata,
});
const add = (student: Partial<StudentFacts> = {}, rollNumber = 1): GroupCommand => ({
  type: 'AddStudent',
  data: { student: facts(student), rollNumber },
  metadata,
});
const assign = (teacherUserId = TEACHER, subjectSchool = SCHOOL): GroupCommand => ({
  type: 'AssignTeacher',
  data: {
    subject: { subjectId: SUBJECT, name: 'Mathematics', schoolId: subjectSchool },
    teacherUserId,
    teacherName: 'Kiran Shah',
    teacherEmail: 'Kiran@School.example',
  },
  metadata,
});
const assigned = (replaced: string | null = null, teacherUserId = TEACHER) =>
  admin.teacherAssigned({
    groupId: GROUP,
    schoolId: SCHOOL,
    yearId: YEAR,
    subjectId: SUBJECT,
    subjectName: 'Mathematics',
    teacherUserId,
    teacherName: 'Kiran Shah',
    teacherEmail: 'kiran@school.example',
    replacedTeacherUserId: replaced,
    assignedAt: NOW,
  });

describe('creating a group', () => {
  it('creates a section of a grade for a year, named after them by default', () => {
    given([]).when(create()).then([groupCreated()]);
  });

  it('refuses a capacity outside 1 to 200, and a second creation', () => {
    given([])
      .when(create({ capacity: 0 }))
      .thenThrows('invalid-capacity', { max: MAX_CAPACITY });
    given([])
      .when(create({ capacity: MAX_CAPACITY + 1 }))
      .thenThrows('invalid-capacity');
    given([groupCreated()]).when(create()).thenThrows('group-already-exists');
  });
});

describe('a group never exceeds its capacity', () => {
  it('adds an enrolled student while a seat is free', () => {
    given([groupCreated()])
      .when(add())
      .then([added(STUDENT, 1)]);
  });

  it('refuses the student past capacity', () => {
    given([groupCreated(), added(STUDENT, 1), added(SECOND, 2)])
      .when(add({ studentId: THIRD }, 3))
      .thenThrows('group-full', { capacity: 2 });
  });

  it('frees a seat when a student leaves', () => {
    const removed = admin.studentRemovedFromGroup({
      groupId: GROUP,
      schoolId: SCHOOL,
      yearId: YEAR,
      studentId: SECOND,
      rollNumber: 2,
      reason: 'moved',
      removedAt: NOW,
    });
    given([groupCreated(), added(STUDENT, 1), added(SECOND, 2), removed])
      .when(add({ studentId: THIRD }, 2))
      .then([{ ...added(THIRD, 2) }]);
  });

  it('refuses a capacity below the students it holds, or the same capacity', () => {
    const change = (capacity: number): GroupCommand => ({ type: 'ChangeCapacity', data: { capacity }, metadata });
    given([groupCreated(), added(STUDENT, 1), added(SECOND, 2)])
      .when(change(1))
      .thenThrows('capacity-below-members', { members: 2 });
    given([groupCreated()]).when(change(2)).thenThrows('capacity-unchanged');
    given([groupCreated()])
      .when(change(30))
      .then([
        admin.groupCapacityChanged({
          groupId: GROUP,
          schoolId: SCHOOL,
          previousCapacity: 2,
          capacity: 30,
          changedAt: NOW,
        }),
      ]);
  });
});

describe('roll numbers are unique in a group', () => {
  it('refuses a roll number another student holds', () => {
    given([groupCreated(), added(STUDENT, 1)])
      .when(add({ studentId: SECOND }, 1))
      .thenThrows('roll-number-taken', { rollNumber: 1, studentId: STUDENT });
  });

  it('refuses a roll number out of range', () => {
    given([groupCreated()]).when(add({}, 0)).thenThrows('invalid-roll-number');
  });

  it('gives the next number past the highest when none is asked for', () => {
    expect(nextRollNumber(fold(groupDecider, [groupCreated(), added(STUDENT, 4), added(SECOND, 2)]))).toBe(5);
    expect(nextRollNumber(fold(groupDecider, [groupCreated()]))).toBe(1);
  });
});

describe('only enrolled, active students join groups', () => {
  it('refuses a student admitted but not enrolled, or withdrawn', () => {
    given([groupCreated()])
      .when(add({ status: 'admitted', yearId: null }))
      .thenThrows('student-not-enrolled');
    given([groupCreated()])
      .when(add({ status: 'withdrawn' }))
      .thenThrows('student-withdrawn');
  });

  it('refuses a student of another school or year, and one already in the group', () => {
    given([groupCreated()])
      .when(add({ schoolId: OTHER_SCHOOL }))
      .thenThrows('student-of-another-school');
    given([groupCreated()])
      .when(add({ yearId: 'another-year' }))
      .thenThrows('student-not-enrolled-for-year');
    given([groupCreated(), added(STUDENT, 1)])
      .when(add({}, 2))
      .thenThrows('student-already-in-group');
  });

  it('refuses to remove a student who is not in it', () => {
    given([groupCreated()])
      .when({ type: 'RemoveStudent', data: { studentId: STUDENT, reason: 'moved' }, metadata })
      .thenThrows('student-not-in-group');
  });

  it('refuses anything on a group that does not exist', () => {
    given([]).when(add()).thenThrows('group-not-found');
  });
});

describe('teacher assignment', () => {
  it('assigns a teacher to a subject of the group, and a later one replaces them', () => {
    const OTHER_TEACHER = '0195f0a2-7c1e-7000-8000-0000000aa002';
    given([groupCreated()]).when(assign()).then([assigned()]);
    given([groupCreated(), assigned()])
      .when(assign(OTHER_TEACHER))
      .then([assigned(TEACHER, OTHER_TEACHER)]);
  });

  it('refuses the same assignment twice, and a subject of another school', () => {
    given([groupCreated(), assigned()]).when(assign()).thenThrows('teacher-already-assigned');
    given([groupCreated()]).when(assign(TEACHER, OTHER_SCHOOL)).thenThrows('subject-of-another-school');
  });
});
