import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import type { Command } from './command';
import { optionalEmail, optionalText, requireText } from './rules';
import type { StudentFacts } from './student.types';

/** Stream `<tenant>/group/<groupId>`, topic admin.group.v1: a section of a grade in one academic year. */
export type GroupEvent = admin.AdminGroupV1Event;

export const MAX_CAPACITY = 200;
export const MAX_ROLL_NUMBER = 9999;

export type CreateGroup = Command<
  'CreateGroup',
  {
    groupId: string;
    year: { yearId: string; schoolId: string };
    grade: string;
    section: string;
    name?: string | null;
    capacity: number;
  }
>;
export type ChangeCapacity = Command<'ChangeCapacity', { capacity: number }>;
export type AddStudent = Command<'AddStudent', { student: StudentFacts; rollNumber: number }>;
export type RemoveStudent = Command<'RemoveStudent', { studentId: string; reason: 'withdrawn' | 'moved' }>;
export type AssignTeacher = Command<
  'AssignTeacher',
  {
    subject: { subjectId: string; name: string; schoolId: string } | null;
    teacherUserId: string;
    teacherName: string;
    teacherEmail?: string | null;
  }
>;
export type GroupCommand = CreateGroup | ChangeCapacity | AddStudent | RemoveStudent | AssignTeacher;

export interface Member {
  studentId: string;
  rollNumber: number;
}

/** Who teaches what: subjectId null is the class teacher. */
export interface Teaching {
  subjectId: string | null;
  teacherUserId: string;
}

export interface Group {
  groupId: string;
  schoolId: string;
  yearId: string;
  name: string;
  capacity: number;
  members: Member[];
  teachers: Teaching[];
}

export type GroupState = { status: 'none' } | ({ status: 'active' } & Group);

function existing(state: GroupState): Group {
  if (state.status === 'none') throw new DomainError('group-not-found');
  return state;
}

function capacityOf(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    throw new DomainError('invalid-capacity', { field: 'capacity', min: 1, max: MAX_CAPACITY });
  return capacity;
}

function create({ data, metadata }: CreateGroup, state: GroupState): GroupEvent[] {
  if (state.status !== 'none') throw new DomainError('group-already-exists', { groupId: state.groupId });
  const grade = requireText(data.grade, 'grade', 20);
  const section = requireText(data.section, 'section', 20);
  const name = optionalText(data.name, 'name', 100) || `Grade ${grade} ${section}`;
  return [
    admin.groupCreated({
      groupId: data.groupId,
      schoolId: data.year.schoolId,
      yearId: data.year.yearId,
      grade,
      section,
      name,
      capacity: capacityOf(data.capacity),
      createdAt: metadata.now,
    }),
  ];
}

/** The rules of joining: enrolled and active, of this school and year, a free seat, a free roll number. */
function addStudent({ data, metadata }: AddStudent, group: Group): GroupEvent[] {
  const { student, rollNumber } = data;
  if (student.status === 'withdrawn') throw new DomainError('student-withdrawn', { studentId: student.studentId });
  if (student.status !== 'enrolled') throw new DomainError('student-not-enrolled', { studentId: student.studentId });
  if (student.schoolId !== group.schoolId)
    throw new DomainError('student-of-another-school', { studentId: student.studentId });
  if (student.yearId !== group.yearId)
    throw new DomainError('student-not-enrolled-for-year', { yearId: group.yearId, enrolledYearId: student.yearId });
  if (group.members.some((m) => m.studentId === student.studentId))
    throw new DomainError('student-already-in-group', { groupId: group.groupId });
  if (group.members.length >= group.capacity) throw new DomainError('group-full', { capacity: group.capacity });
  if (!Number.isInteger(rollNumber) || rollNumber < 1 || rollNumber > MAX_ROLL_NUMBER)
    throw new DomainError('invalid-roll-number', { field: 'rollNumber', min: 1, max: MAX_ROLL_NUMBER });
  const holder = group.members.find((m) => m.rollNumber === rollNumber);
  if (holder)
    throw new DomainError('roll-number-taken', { field: 'rollNumber', rollNumber, studentId: holder.studentId });
  return [
    admin.studentAddedToGroup({
      groupId: group.groupId,
      schoolId: group.schoolId,
      yearId: group.yearId,
      studentId: student.studentId,
      rollNumber,
      admissionNumber: student.admissionNumber,
      firstName: student.firstName,
      lastName: student.lastName,
      addedAt: metadata.now,
    }),
  ];
}

function assignTeacher({ data, metadata }: AssignTeacher, group: Group): GroupEvent[] {
  const { subject, teacherUserId } = data;
  if (subject && subject.schoolId !== group.schoolId)
    throw new DomainError('subject-of-another-school', { subjectId: subject.subjectId });
  const subjectId = subject?.subjectId ?? null;
  const current = group.teachers.find((t) => t.subjectId === subjectId);
  if (current?.teacherUserId === teacherUserId)
    throw new DomainError('teacher-already-assigned', { subjectId, teacherUserId });
  return [
    admin.teacherAssigned({
      groupId: group.groupId,
      schoolId: group.schoolId,
      yearId: group.yearId,
      subjectId,
      subjectName: subject?.name ?? null,
      teacherUserId,
      teacherName: requireText(data.teacherName, 'teacherName', 100),
      teacherEmail: optionalEmail(data.teacherEmail, 'teacherEmail'),
      replacedTeacherUserId: current?.teacherUserId ?? null,
      assignedAt: metadata.now,
    }),
  ];
}

function decide(command: GroupCommand, state: GroupState): GroupEvent[] {
  switch (command.type) {
    case 'CreateGroup':
      return create(command, state);
    case 'ChangeCapacity': {
      const group = existing(state);
      const capacity = capacityOf(command.data.capacity);
      if (capacity === group.capacity) throw new DomainError('capacity-unchanged', { capacity });
      if (capacity < group.members.length)
        throw new DomainError('capacity-below-members', { capacity, members: group.members.length });
      const { groupId, schoolId } = group;
      const changedAt = command.metadata.now;
      return [admin.groupCapacityChanged({ groupId, schoolId, previousCapacity: group.capacity, capacity, changedAt })];
    }
    case 'AddStudent':
      return addStudent(command, existing(state));
    case 'RemoveStudent': {
      const group = existing(state);
      const member = group.members.find((m) => m.studentId === command.data.studentId);
      if (!member) throw new DomainError('student-not-in-group', { studentId: command.data.studentId });
      return [
        admin.studentRemovedFromGroup({
          groupId: group.groupId,
          schoolId: group.schoolId,
          yearId: group.yearId,
          studentId: member.studentId,
          rollNumber: member.rollNumber,
          reason: command.data.reason,
          removedAt: command.metadata.now,
        }),
      ];
    }
    case 'AssignTeacher':
      return assignTeacher(command, existing(state));
    default:
      return assertNever(command);
  }
}

function evolve(state: GroupState, event: GroupEvent): GroupState {
  if (event.type === 'GroupCreated') {
    const { groupId, schoolId, yearId, name, capacity } = event.data;
    return { status: 'active', groupId, schoolId, yearId, name, capacity, members: [], teachers: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GroupCapacityChanged':
      return { ...state, capacity: event.data.capacity };
    case 'StudentAddedToGroup': {
      const { studentId, rollNumber } = event.data;
      return { ...state, members: [...state.members, { studentId, rollNumber }] };
    }
    case 'StudentRemovedFromGroup':
      return { ...state, members: state.members.filter((m) => m.studentId !== event.data.studentId) };
    case 'TeacherAssigned': {
      const { subjectId, teacherUserId } = event.data;
      const others = state.teachers.filter((t) => t.subjectId !== subjectId);
      return { ...state, teachers: [...others, { subjectId, teacherUserId }] };
    }
    default:
      return assertNever(event);
  }
}

export const groupDecider: Decider<GroupCommand, GroupEvent, GroupState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

/** The roll number a student gets when none is asked for: one past the highest in the group. */
export function nextRollNumber(state: GroupState): number {
  if (state.status === 'none') return 1;
  return state.members.reduce((highest, m) => Math.max(highest, m.rollNumber), 0) + 1;
}
