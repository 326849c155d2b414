import { attendance } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { registerDecider, rosterDecider } from '../../src/domain';
import type { MarkInput, RegisterCommand, RosterCommand } from '../../src/domain';
import {
  ASHA,
  at,
  BEN,
  cancellation,
  CHIDI,
  facts,
  groupEvent,
  groupEventDropped,
  holiday,
  joined,
  left,
  metadata,
  MONDAY,
  NOW,
  SESSION,
  sessionNoted,
  STRANGER,
  TEACHER,
} from './fixtures';
import type { FactsOver } from './fixtures';

const given = deciderSpec(registerDecider);
const mark = (marks: MarkInput[], allPresent = true, over: FactsOver = {}): RegisterCommand => ({
  type: 'MarkRegister',
  data: { facts: facts(over), allPresent, marks, markedBy: TEACHER },
  metadata,
});
const correct = (studentId: string, code: string, reason: string | null, over: FactsOver = {}): RegisterCommand => ({
  type: 'CorrectAttendance',
  data: { facts: facts(over), studentId, code, reason, correctedBy: TEACHER },
  metadata,
});
const marked = (marks: Array<[string, string, string]>) =>
  attendance.attendanceMarked({
    ...at,
    teacherUserId: TEACHER,
    marks: marks.map(([studentId, code, meaning]) => ({ studentId, code, meaning })),
    markedBy: TEACHER,
    markedAt: NOW,
  });
const completed = (attended: number, absent: number, excused = 0, students = 3) =>
  attendance.registerCompleted({ ...at, students, attended, absent, excused, completedAt: NOW });
const allThree = marked([
  [ASHA, 'P', 'present'],
  [BEN, 'A', 'absent'],
  [CHIDI, 'P', 'present'],
]);
/** A register taken: every student marked, completed. */
const taken = [allThree, completed(2, 1)];

describe('marking a register: all present, then the exceptions, in one command', () => {
  it('marks every student of the group that day present but the exceptions, and completes the register', () => {
    given([])
      .when(mark([{ studentId: BEN, code: 'A' }]))
      .then([
        marked([
          [BEN, 'A', 'absent'],
          [ASHA, 'P', 'present'],
          [CHIDI, 'P', 'present'],
        ]),
        completed(2, 1),
      ]);
  });

  it('without all present, marks only the students named, and completes once everyone has a record', () => {
    given([])
      .when(mark([{ studentId: ASHA, code: 'L' }], false))
      .then([marked([[ASHA, 'L', 'late']])]);
    given([marked([[ASHA, 'L', 'late']])])
      .when(
        mark(
          [
            { studentId: BEN, code: 'E' },
            { studentId: CHIDI, code: 'LE' },
          ],
          false,
        ),
      )
      .then([
        marked([
          [BEN, 'E', 'excused'],
          [CHIDI, 'LE', 'left-early'],
        ]),
        completed(2, 0, 1),
      ]);
  });

  it('keeps one record per student: marking again adds only the students without one, and completes once', () => {
    given([allThree, completed(2, 1)])
      .when(mark([], true))
      .then([]);
    given([marked([[ASHA, 'P', 'present']])])
      .when(mark([{ studentId: ASHA, code: 'P' }], true))
      .then([
        marked([
          [BEN, 'P', 'present'],
          [CHIDI, 'P', 'present'],
        ]),
        completed(3, 0),
      ]);
  });

  it('refuses to change an existing record by marking: that is a correction', () => {
    given([allThree])
      .when(mark([{ studentId: BEN, code: 'P' }]))
      .thenThrows('already-marked', { studentId: BEN, code: 'A' });
  });

  it('refuses a student named twice in one command', () => {
    given([])
      .when(
        mark([
          { studentId: BEN, code: 'A' },
          { studentId: BEN, code: 'L' },
        ]),
      )
      .thenThrows('student-marked-twice', { studentId: BEN });
  });

  it("uses the school's codes: an unknown code is refused naming it, the school's own code is marked with its meaning", () => {
    given([])
      .when(mark([{ studentId: BEN, code: 'X' }]))
      .thenThrows('unknown-code', { code: 'X' });
    const codes = [
      { code: 'PR', label: 'Present', meaning: 'present' },
      { code: 'AB', label: 'Absent', meaning: 'absent' },
      { code: 'SE', label: 'School event', meaning: 'excused' },
    ];
    given([])
      .when(mark([{ studentId: BEN, code: 'SE' }], false, { codes }))
      .then([marked([[BEN, 'SE', 'excused']])]);
    given([])
      .when(mark([{ studentId: BEN, code: 'P' }], false, { codes }))
      .thenThrows('unknown-code', { code: 'P' });
  });

  it('refuses all present when the codes have none meaning present', () => {
    const codes = [{ code: 'AB', label: 'Absent', meaning: 'absent' }];
    given([])
      .when(mark([], true, { codes }))
      .thenThrows('no-present-code');
  });
});

describe('the student must be in the group on that day', () => {
  it('refuses a student never in the group', () => {
    given([])
      .when(mark([{ studentId: STRANGER, code: 'A' }]))
      .thenThrows('student-not-in-group', { studentId: STRANGER, date: MONDAY });
  });

  it('refuses a student who joined after the day, or left before it', () => {
    const roster = [joined(ASHA, 1), joined(BEN, 2, '2026-12-01'), joined(CHIDI, 3), left(CHIDI, '2026-11-29')];
    given([])
      .when(mark([{ studentId: BEN, code: 'A' }], true, { roster }))
      .thenThrows('student-not-in-group', { studentId: BEN });
    given([])
      .when(mark([{ studentId: CHIDI, code: 'A' }], true, { roster }))
      .thenThrows('student-not-in-group', { studentId: CHIDI });
  });

  it('marks all present only the students in the group that day, the last day in it included', () => {
    const roster = [joined(ASHA, 1), joined(BEN, 2, '2026-12-01'), joined(CHIDI, 3), left(CHIDI, MONDAY)];
    given([])
      .when(mark([], true, { roster }))
      .then([
        marked([
          [ASHA, 'P', 'present'],
          [CHIDI, 'P', 'present'],
        ]),
        completed(2, 0, 0, 2),
      ]);
  });
});

describe('which days can be marked', () => {
  it('refuses a future date', () => {
    given([])
      .when(mark([], true, { date: '2026-12-02', today: MONDAY }))
      .thenThrows('date-in-future', { date: '2026-12-02', today: MONDAY });
  });

  it('refuses a day the session does not take place on', () => {
    given([])
      .when(mark([], true, { date: '2026-12-01', today: '2026-12-01' }))
      .thenThrows('not-a-session-day');
    given([])
      .when(mark([], true, { date: '2026-10-26', today: MONDAY }))
      .thenThrows('not-a-session-day');
  });

  it('refuses a session attendance never heard of', () => {
    given([])
      .when(mark([], true, { session: [] }))
      .thenThrows('session-not-found');
  });

  it('refuses a cancelled occurrence, and every day from a whole-session cancellation on, with the reason', () => {
    given([])
      .when(mark([], true, { session: [sessionNoted(), cancellation(MONDAY)] }))
      .thenThrows('session-cancelled', { reason: 'teacher ill' });
    given([])
      .when(mark([], true, { session: [sessionNoted(), cancellation(null)] }))
      .thenThrows('session-cancelled');
    given([])
      .when(mark([], true, { date: '2026-11-16', today: '2026-11-16', session: [sessionNoted(), cancellation(null)] }))
      .then([
        {
          ...marked([
            [ASHA, 'P', 'present'],
            [BEN, 'P', 'present'],
            [CHIDI, 'P', 'present'],
          ]),
          data: {
            ...marked([]).data,
            date: '2026-11-16',
            marks: [
              { studentId: ASHA, code: 'P', meaning: 'present' },
              { studentId: BEN, code: 'P', meaning: 'present' },
              { studentId: CHIDI, code: 'P', meaning: 'present' },
            ],
          },
        },
        { ...completed(3, 0), data: { ...completed(3, 0).data, date: '2026-11-16' } },
      ]);
  });

  it('refuses a holiday of the school, with its name', () => {
    given([])
      .when(mark([], true, { school: [holiday('2026-11-28', MONDAY)] }))
      .thenThrows('holiday', { date: MONDAY, reason: 'Diwali' });
  });

  it('refuses a withdrawn register, with the reason it was withdrawn', () => {
    const withdrawn = attendance.registerWithdrawn({
      ...at,
      reason: 'Holiday: Diwali',
      holidayEventId: null,
      withdrawnAt: NOW,
    });
    given([allThree, withdrawn]).when(mark([])).thenThrows('register-withdrawn', { reason: 'Holiday: Diwali' });
  });
});

describe('the lock: N days after its day a register takes only corrections with a reason', () => {
  it('still marks on the last open day, and refuses the day after', () => {
    given([])
      .when(mark([{ studentId: ASHA, code: 'P' }], false, { today: '2026-12-07', lockDays: 7 }))
      .then([marked([[ASHA, 'P', 'present']])]);
    given([])
      .when(mark([], true, { today: '2026-12-08', lockDays: 7 }))
      .thenThrows('register-locked', { lockedOn: '2026-12-08' });
    given([])
      .when(mark([], true, { today: '2026-12-01', lockDays: 0 }))
      .thenThrows('register-locked', { lockedOn: '2026-12-01' });
  });

  it('refuses a correction of a locked register without a reason', () => {
    given(taken)
      .when(correct(BEN, 'E', null, { today: '2026-12-08' }))
      .thenThrows('reason-required', { lockedOn: '2026-12-08' });
    given(taken)
      .when(correct(BEN, 'E', '   ', { today: '2026-12-08' }))
      .thenThrows('reason-required');
  });

  it('corrects a locked register with a reason: who, when, why, and the code before', () => {
    given(taken)
      .when(correct(BEN, 'E', " Doctor's note ", { today: '2026-12-08' }))
      .then([
        attendance.attendanceCorrected({
          ...at,
          studentId: BEN,
          previousCode: 'A',
          previousMeaning: 'absent',
          code: 'E',
          meaning: 'excused',
          reason: "Doctor's note",
          locked: true,
          correctedBy: TEACHER,
          correctedAt: NOW,
        }),
      ]);
  });
});

describe('corrections', () => {
  it('before the lock need no reason', () => {
    given(taken)
      .when(correct(BEN, 'L', null))
      .then([
        attendance.attendanceCorrected({
          ...at,
          studentId: BEN,
          previousCode: 'A',
          previousMeaning: 'absent',
          code: 'L',
          meaning: 'late',
          reason: null,
          locked: false,
          correctedBy: TEACHER,
          correctedAt: NOW,
        }),
      ]);
  });

  it('keep the original: a second correction still knows the first code', () => {
    const first = attendance.attendanceCorrected({
      ...at,
      studentId: BEN,
      previousCode: 'A',
      previousMeaning: 'absent',
      code: 'L',
      meaning: 'late',
      reason: null,
      locked: false,
      correctedBy: TEACHER,
      correctedAt: NOW,
    });
    const state = [allThree, first].reduce(registerDecider.evolve, registerDecider.initialState);
    expect(state.status === 'open' && state.records[BEN]).toEqual({
      code: 'L',
      meaning: 'late',
      originalCode: 'A',
      corrected: true,
    });
  });

  it('refuse the same code, an unknown code, a student not in the group, a reason too long', () => {
    given(taken)
      .when(correct(BEN, 'A', 'x'))
      .thenThrows('attendance-unchanged');
    given(taken)
      .when(correct(BEN, 'ZZ', 'x'))
      .thenThrows('unknown-code', { code: 'ZZ' });
    given(taken)
      .when(correct(STRANGER, 'P', 'x'))
      .thenThrows('student-not-in-group');
    given(taken)
      .when(correct(BEN, 'P', 'x'.repeat(501)))
      .thenThrows('reason-too-long');
  });

  it('refuse a holiday, a cancelled lesson and a future day like marking', () => {
    given(taken)
      .when(correct(BEN, 'P', 'x', { school: [holiday(MONDAY)] }))
      .thenThrows('holiday');
    given(taken)
      .when(correct(BEN, 'P', 'x', { session: [sessionNoted(), cancellation(MONDAY)] }))
      .thenThrows('session-cancelled');
    given([])
      .when(correct(BEN, 'P', 'x', { date: '2026-12-02', today: MONDAY }))
      .thenThrows('date-in-future');
  });

  it('can give the last missing student a record, completing the register', () => {
    const two = marked([
      [ASHA, 'P', 'present'],
      [BEN, 'A', 'absent'],
    ]);
    const fixed = attendance.attendanceCorrected({
      ...at,
      studentId: CHIDI,
      previousCode: null,
      previousMeaning: null,
      code: 'P',
      meaning: 'present',
      reason: 'forgotten',
      locked: true,
      correctedBy: TEACHER,
      correctedAt: NOW,
    });
    given([two])
      .when(correct(CHIDI, 'P', 'forgotten', { today: '2026-12-10' }))
      .then([fixed, completed(2, 1)]);
  });
});

describe('withdrawal when the lesson is cancelled', () => {
  const withdraw: RegisterCommand = {
    type: 'WithdrawRegister',
    data: { reason: 'Diwali', holidayEventId: 'h-1' },
    metadata,
  };

  it('withdraws a register that was taken', () => {
    given(taken)
      .when(withdraw)
      .then([attendance.registerWithdrawn({ ...at, reason: 'Diwali', holidayEventId: 'h-1', withdrawnAt: NOW })]);
  });

  it('has nothing to withdraw for a register never taken, or withdrawn already', () => {
    given([]).when(withdraw).then([]);
    const withdrawn = attendance.registerWithdrawn({ ...at, reason: 'x', holidayEventId: null, withdrawnAt: NOW });
    given([allThree, withdrawn]).when(withdraw).then([]);
  });
});

describe("a school event pre-fills its students' lessons excused", () => {
  const roster = (...events: ReturnType<typeof groupEvent | typeof groupEventDropped>[]) => [
    joined(ASHA, 1),
    joined(BEN, 2),
    joined(CHIDI, 3),
    ...events,
  ];

  it("marks everyone not named excused during a trip of the group, with the school's excused code", () => {
    given([])
      .when(mark([{ studentId: BEN, code: 'P' }], true, { roster: roster(groupEvent()) }))
      .then([
        marked([
          [BEN, 'P', 'present'],
          [ASHA, 'E', 'excused'],
          [CHIDI, 'E', 'excused'],
        ]),
        completed(1, 0, 2),
      ]);
  });

  it('pre-fills only lessons inside a timed event, and nothing once it is dropped', () => {
    const afternoon = groupEvent({ allDay: false, startTime: '10:00', endTime: '12:00' });
    given([])
      .when(mark([], true, { roster: roster(afternoon) }))
      .then([allPresent()[0], completed(3, 0)]);
    const morning = groupEvent({ allDay: false, startTime: '09:30', endTime: '12:00' });
    expect(
      registerDecider.decide(mark([], true, { roster: roster(morning) }), registerDecider.initialState)[0],
    ).toEqual(
      marked([
        [ASHA, 'E', 'excused'],
        [BEN, 'E', 'excused'],
        [CHIDI, 'E', 'excused'],
      ]),
    );
    given([])
      .when(mark([], true, { roster: roster(groupEvent(), groupEventDropped()) }))
      .then(allPresent());
  });
});

function allPresent() {
  return [
    marked([
      [ASHA, 'P', 'present'],
      [BEN, 'P', 'present'],
      [CHIDI, 'P', 'present'],
    ]),
    completed(3, 0),
  ];
}

describe('leave recorded ahead', () => {
  const leave = (studentId: string, fromDate: string, toDate: string) =>
    attendance.studentLeaveRecorded({
      groupId: at.groupId,
      schoolId: at.schoolId,
      studentId,
      leaveId: `leave-${studentId}`,
      fromDate,
      toDate,
      reason: 'Family wedding',
      recordedBy: TEACHER,
      recordedAt: NOW,
    });
  const record = (fromDate: string, toDate: string, studentId = BEN, reason = 'Family wedding'): RosterCommand => ({
    type: 'RecordLeave',
    data: {
      groupId: at.groupId,
      schoolId: at.schoolId,
      studentId,
      leaveId: `leave-${studentId}`,
      fromDate,
      toDate,
      reason,
      recordedBy: TEACHER,
    },
    metadata,
  });
  const members = [joined(ASHA, 1), joined(BEN, 2), joined(CHIDI, 3)];
  const rosterSpec = deciderSpec(rosterDecider);

  it('is recorded for a student of the group, within its rules', () => {
    rosterSpec(members)
      .when(record('2026-12-14', '2026-12-16'))
      .then([leave(BEN, '2026-12-14', '2026-12-16')]);
    rosterSpec(members).when(record('2026-12-16', '2026-12-14')).thenThrows('leave-ends-before-start');
    rosterSpec(members).when(record('2026-12-14', '2027-03-01')).thenThrows('leave-too-long');
    rosterSpec(members)
      .when(record('2026-12-14', '2026-12-14', STRANGER))
      .thenThrows('student-not-in-group');
    rosterSpec(members)
      .when(record('2026-12-14', '2026-12-14', BEN, '  '))
      .thenThrows('invalid-leave-reason');
    rosterSpec([...members, leave(BEN, '2026-12-14', '2026-12-16')])
      .when(record('2026-12-16', '2026-12-18'))
      .thenThrows('leave-overlaps');
  });

  it('makes all present mark the student excused on those days, and only those', () => {
    given([])
      .when(mark([], true, { roster: [...members, leave(BEN, '2026-11-28', MONDAY)] }))
      .then([
        marked([
          [ASHA, 'P', 'present'],
          [BEN, 'E', 'excused'],
          [CHIDI, 'P', 'present'],
        ]),
        completed(2, 0, 1),
      ]);
    given([])
      .when(mark([], true, { roster: [...members, leave(BEN, '2026-12-01', '2026-12-03')] }))
      .then(allPresent());
  });
});

describe('a daily school takes the day’s register in the group’s first lesson (ADR 0054)', () => {
  const first = { sessionId: SESSION, subjectName: 'Mathematics', startTime: '09:00' };
  const other = { sessionId: STRANGER, subjectName: 'English', startTime: '08:00' };

  it('marks the first lesson as any register', () => {
    given([])
      .when(mark([{ studentId: ASHA, code: 'P' }], false, { dailyLesson: first }))
      .then([marked([[ASHA, 'P', 'present']])]);
  });

  it('refuses another lesson of the group that day, naming the day’s register', () => {
    given([])
      .when(mark([], true, { dailyLesson: other }))
      .thenThrows('daily-register-elsewhere', { date: MONDAY, ...other });
  });
});
