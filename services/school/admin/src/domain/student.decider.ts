import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import { admit } from './admission';
import { requireDate, requireText } from './rules';
import type {
  ChangeGroup,
  EnrolStudent,
  Placement,
  PromoteStudent,
  StudentCommand,
  StudentEvent,
  StudentFacts,
  StudentState,
  WithdrawStudent,
  YearFacts,
} from './student.types';

type Known = Exclude<StudentState, { status: 'none' }>;

function known(state: StudentState): Known {
  if (state.status === 'none') throw new DomainError('student-not-found');
  return state;
}

/** An enrolled student's state, or why they are not one (`student-withdrawn`, `student-not-enrolled`). */
export function enrolled(state: StudentState) {
  const student = known(state);
  if (student.status === 'withdrawn') throw new DomainError('student-withdrawn', { withdrawnOn: student.withdrawnOn });
  if (student.status !== 'enrolled') throw new DomainError('student-not-enrolled');
  return student;
}

function sameSchool(schoolId: string, year: YearFacts) {
  if (year.schoolId !== schoolId) throw new DomainError('academic-year-of-another-school', { yearId: year.yearId });
}

function placedIn(placement: Placement | null, year: YearFacts, schoolId: string) {
  if (placement && (placement.yearId !== year.yearId || placement.schoolId !== schoolId))
    throw new DomainError('group-not-in-year', { groupId: placement.groupId, yearId: year.yearId });
}

function enrol({ data, metadata }: EnrolStudent, state: StudentState): StudentEvent[] {
  const student = known(state);
  if (student.status === 'withdrawn') throw new DomainError('student-withdrawn', { withdrawnOn: student.withdrawnOn });
  if (student.status === 'enrolled')
    throw new DomainError('student-already-enrolled', { yearId: student.enrolment.yearId });
  const { year, placement } = data;
  const s = student.student;
  sameSchool(s.schoolId, year);
  const enrolledOn = requireDate(data.enrolledOn, 'enrolledOn');
  if (enrolledOn < year.startDate || enrolledOn > year.endDate)
    throw new DomainError('enrolment-outside-year', { startDate: year.startDate, endDate: year.endDate });
  if (enrolledOn < s.admittedOn) throw new DomainError('enrolment-before-admission', { admittedOn: s.admittedOn });
  placedIn(placement, year, s.schoolId);
  return [
    admin.studentEnrolled({
      studentId: s.studentId,
      schoolId: s.schoolId,
      yearId: year.yearId,
      groupId: placement?.groupId ?? null,
      rollNumber: placement?.rollNumber ?? null,
      admissionNumber: s.admissionNumber,
      firstName: s.firstName,
      lastName: s.lastName,
      birthDate: s.birthDate,
      email: s.email,
      guardians: s.guardians,
      enrolledOn,
      enrolledAt: metadata.now,
    }),
  ];
}

function changeGroup({ data, metadata }: ChangeGroup, state: StudentState): StudentEvent[] {
  const { student, enrolment } = enrolled(state);
  const { placement } = data;
  if (placement.yearId !== enrolment.yearId || placement.schoolId !== student.schoolId)
    throw new DomainError('group-not-in-year', { groupId: placement.groupId, yearId: enrolment.yearId });
  if (placement.groupId === enrolment.groupId)
    throw new DomainError('student-already-in-group', { groupId: placement.groupId });
  return [
    admin.studentGroupChanged({
      studentId: student.studentId,
      schoolId: student.schoolId,
      yearId: enrolment.yearId,
      fromGroupId: enrolment.groupId,
      toGroupId: placement.groupId,
      rollNumber: placement.rollNumber,
      changedAt: metadata.now,
    }),
  ];
}

function withdraw({ data, metadata }: WithdrawStudent, state: StudentState): StudentEvent[] {
  const student = known(state);
  if (student.status === 'withdrawn')
    throw new DomainError('student-already-withdrawn', { withdrawnOn: student.withdrawnOn });
  const withdrawnOn = requireDate(data.withdrawnOn, 'withdrawnOn');
  if (withdrawnOn < student.student.admittedOn)
    throw new DomainError('withdrawal-before-admission', { admittedOn: student.student.admittedOn });
  const enrolment = student.status === 'enrolled' ? student.enrolment : null;
  return [
    admin.studentWithdrawn({
      studentId: student.student.studentId,
      schoolId: student.student.schoolId,
      yearId: enrolment?.yearId ?? null,
      groupId: enrolment?.groupId ?? null,
      reason: requireText(data.reason, 'reason', 500),
      withdrawnOn,
      withdrawnAt: metadata.now,
    }),
  ];
}

function promote({ data, metadata }: PromoteStudent, state: StudentState): StudentEvent[] {
  const { student, enrolment } = enrolled(state);
  const { fromYear, toYear, placement } = data;
  if (fromYear.yearId !== enrolment.yearId)
    throw new DomainError('student-not-enrolled-for-year', {
      yearId: fromYear.yearId,
      enrolledYearId: enrolment.yearId,
    });
  sameSchool(student.schoolId, toYear);
  if (toYear.startDate <= fromYear.endDate)
    throw new DomainError('promotion-not-to-a-later-year', { fromYearId: fromYear.yearId, toYearId: toYear.yearId });
  placedIn(placement, toYear, student.schoolId);
  return [
    admin.studentPromoted({
      studentId: student.studentId,
      schoolId: student.schoolId,
      fromYearId: fromYear.yearId,
      fromGroupId: enrolment.groupId,
      toYearId: toYear.yearId,
      toGroupId: placement.groupId,
      rollNumber: placement.rollNumber,
      rolloverId: data.rolloverId ?? null,
      promotedAt: metadata.now,
    }),
  ];
}

function decide(command: StudentCommand, state: StudentState): StudentEvent[] {
  switch (command.type) {
    case 'AdmitStudent':
      if (state.status !== 'none')
        throw new DomainError('student-already-admitted', { admissionNumber: known(state).student.admissionNumber });
      return [admit(command)];
    case 'EnrolStudent':
      return enrol(command, state);
    case 'ChangeGroup':
      return changeGroup(command, state);
    case 'WithdrawStudent':
      return withdraw(command, state);
    case 'PromoteStudent':
      return promote(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: StudentState, event: StudentEvent): StudentState {
  switch (event.type) {
    case 'StudentAdmitted': {
      const { admittedAt: _at, importId: _import, ...student } = event.data;
      return { status: 'admitted', student };
    }
    case 'StudentEnrolled': {
      if (state.status === 'none') return state;
      const { yearId, groupId, rollNumber } = event.data;
      return { status: 'enrolled', student: state.student, enrolment: { yearId, groupId, rollNumber } };
    }
    case 'StudentGroupChanged':
      return state.status !== 'enrolled'
        ? state
        : {
            ...state,
            enrolment: { ...state.enrolment, groupId: event.data.toGroupId, rollNumber: event.data.rollNumber },
          };
    case 'StudentPromoted': {
      if (state.status === 'none') return state;
      const { toYearId, toGroupId, rollNumber } = event.data;
      return {
        status: 'enrolled',
        student: state.student,
        enrolment: { yearId: toYearId, groupId: toGroupId, rollNumber },
      };
    }
    case 'StudentWithdrawn':
      return state.status === 'none'
        ? state
        : { status: 'withdrawn', student: state.student, withdrawnOn: event.data.withdrawnOn };
    default:
      return assertNever(event);
  }
}

export const studentDecider: Decider<StudentCommand, StudentEvent, StudentState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

/** What a group checks of a student joining it. */
export function studentFacts(state: StudentState): StudentFacts {
  const student = known(state);
  const { studentId, schoolId, admissionNumber, firstName, lastName } = student.student;
  const yearId = student.status === 'enrolled' ? student.enrolment.yearId : null;
  return { studentId, schoolId, status: student.status, yearId, admissionNumber, firstName, lastName };
}
