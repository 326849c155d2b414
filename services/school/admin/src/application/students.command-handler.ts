import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { LoadedStream, Principal, StreamTransaction } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { calendarDecider, enrolled, studentDecider, yearOf } from '../domain';
import type { Admission, StudentCommand, StudentEvent, StudentState } from '../domain';
import { found } from './found';
import { join, leave, seatIn } from './placement';
import { mustWrite } from './school-access';

const STUDENT_NAMESPACE = '9b2d6f1a-3c4e-4a8b-8d7e-5f1c2b3a4d65';

/**
 * A student's id is their admission number in their school: admitting the same number
 * twice lands on one stream, so it is refused, and a re-imported file finds its students.
 */
export const studentIdFor = (tenant: string, schoolId: string, admissionNumber: string) =>
  uuidv5(`${tenant}/${schoolId}/${admissionNumber.trim().toUpperCase()}`, STUDENT_NAMESPACE);

export type NewAdmission = Omit<Admission, 'studentId' | 'schoolId'>;

export interface EnrolmentInput {
  yearId: string;
  enrolledOn: string;
  groupId?: string | null;
  rollNumber?: number | null;
}

/**
 * Admission, enrolment, moves, promotion and withdrawal. Every change of a student's
 * group is decided with the student's stream and the groups' streams in one
 * transaction: the student's state always knows its group, and a group's capacity and
 * roll numbers hold however requests race (each stream's version decides).
 */
@Injectable()
export class StudentsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async admit(caller: Principal, schoolId: string, input: NewAdmission): Promise<{ studentId: string }> {
    mustWrite(caller, schoolId);
    const studentId = studentIdFor(caller.tenant, schoolId, input.admissionNumber);
    await this.commands.handle(studentDecider, {
      caller,
      aggregate: 'student',
      id: studentId,
      command: { type: 'AdmitStudent', data: { ...input, studentId, schoolId }, metadata: { now: this.time.now() } },
    });
    return { studentId };
  }

  async enrol(caller: Principal, studentId: string, input: EnrolmentInput): Promise<void> {
    const now = this.time.now();
    await this.commands.transact(caller, (tx) =>
      this.student(tx, caller, studentId).then((s) => enrolIn(tx, s, input, now)),
    );
  }

  /** Places an enrolled student in a group of their year, or moves them there from another. */
  async changeGroup(caller: Principal, groupId: string, studentId: string, rollNumber?: number | null): Promise<void> {
    const now = this.time.now();
    await this.commands.transact(caller, async (tx) => {
      const student = await this.student(tx, caller, studentId);
      const from = student.state.status === 'enrolled' ? student.state.enrolment.groupId : null;
      if (from !== null && from !== groupId) await leave(tx, from, studentId, 'moved', now);
      const seat = await seatIn(tx, groupId, rollNumber);
      const decided = decide(student.state, {
        type: 'ChangeGroup',
        data: { placement: seat.placement },
        metadata: { now },
      });
      tx.append(student, decided);
      join(tx, seat, student.state, decided, now);
    });
  }

  async withdraw(caller: Principal, studentId: string, input: { reason: string; withdrawnOn: string }): Promise<void> {
    const now = this.time.now();
    await this.commands.transact(caller, async (tx) => {
      const student = await this.student(tx, caller, studentId);
      tx.append(student, decide(student.state, { type: 'WithdrawStudent', data: input, metadata: { now } }));
      const groupId = student.state.status === 'enrolled' ? student.state.enrolment.groupId : null;
      if (groupId !== null) await leave(tx, groupId, studentId, 'withdrawn', now);
    });
  }

  async promote(
    caller: Principal,
    studentId: string,
    input: { toYearId: string; toGroupId: string; rollNumber?: number | null },
  ): Promise<void> {
    const now = this.time.now();
    await this.commands.transact(caller, async (tx) => {
      const student = await this.student(tx, caller, studentId);
      const { student: s, enrolment } = enrolled(student.state);
      const calendar = await tx.load(calendarDecider, 'calendar', s.schoolId);
      const [fromYear, toYear] = [enrolment.yearId, input.toYearId].map((id) => ({
        ...yearOf(calendar.state, id),
        schoolId: s.schoolId,
      }));
      const seat = await seatIn(tx, input.toGroupId, input.rollNumber);
      const command: StudentCommand = {
        type: 'PromoteStudent',
        data: { fromYear, toYear, placement: seat.placement },
        metadata: { now },
      };
      const decided = decide(student.state, command);
      tx.append(student, decided);
      join(tx, seat, student.state, decided, now);
    });
  }

  /** The student's stream; the school it names is the fence. */
  private async student(tx: StreamTransaction, caller: Principal, studentId: string) {
    const student = await tx.load(studentDecider, 'student', studentId);
    mustWrite(caller, found(student.state, 'student').student.schoolId, `student ${studentId}`);
    return student;
  }
}

const decide = (state: StudentState, command: StudentCommand) => studentDecider.decide(command, state);

/** Enrolment for a year, and the group's seat when one is named: one decision over both streams. */
export async function enrolIn(
  tx: StreamTransaction,
  student: LoadedStream<StudentEvent, StudentState>,
  input: EnrolmentInput,
  now: string,
): Promise<void> {
  const { schoolId } = found(student.state, 'student').student;
  const calendar = await tx.load(calendarDecider, 'calendar', schoolId);
  const year = { ...yearOf(calendar.state, input.yearId), schoolId };
  const seat = input.groupId ? await seatIn(tx, input.groupId, input.rollNumber) : null;
  const command: StudentCommand = {
    type: 'EnrolStudent',
    data: { year, enrolledOn: input.enrolledOn, placement: seat?.placement ?? null },
    metadata: { now },
  };
  const decided = decide(student.state, command);
  tx.append(student, decided);
  if (seat) join(tx, seat, student.state, decided, now);
}
