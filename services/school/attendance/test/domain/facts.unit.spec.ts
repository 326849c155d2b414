import { fold } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import {
  cancellationOn,
  classSessionDecider,
  DEFAULT_CODES,
  effectivePolicy,
  groupPolicyDecider,
  holidayOn,
  membersOn,
  rosterDecider,
  schoolDecider,
  schoolEventDecider,
  schoolEventDuring,
} from '../../src/domain';
import {
  ASHA,
  BEN,
  cancellation,
  groupEvent,
  groupEventDropped,
  GROUP,
  holiday,
  joined,
  left,
  metadata,
  MONDAY,
  NOW,
  SCHOOL,
  sessionNoted,
  TEACHER,
} from './fixtures';

describe("Admin's sessions, as attendance notes them", () => {
  const given = deciderSpec(classSessionDecider);
  it('notes a session once, and each cancellation once', () => {
    given([]).when({ type: 'NoteSession', data: sessionNoted().data, metadata }).then([sessionNoted()]);
    given([sessionNoted()]).when({ type: 'NoteSession', data: sessionNoted().data, metadata }).then([]);
    given([sessionNoted(), cancellation(MONDAY)])
      .when({ type: 'NoteCancellation', data: cancellation(MONDAY).data, metadata })
      .then([]);
  });
  it('knows which days are cancelled: one day, or every day from a whole cancellation on', () => {
    const one = fold(classSessionDecider, [sessionNoted(), cancellation(MONDAY)]);
    expect(cancellationOn(one, MONDAY)?.reason).toBe('teacher ill');
    expect(cancellationOn(one, '2026-12-02')).toBeNull();
    const whole = fold(classSessionDecider, [sessionNoted(), cancellation(null)]);
    expect(cancellationOn(whole, '2026-11-18')).toBeNull();
    expect(cancellationOn(whole, '2026-11-23')).not.toBeNull();
  });
});

describe('the roster, with the days each student is in the group', () => {
  const given = deciderSpec(rosterDecider);
  it('joins once while in the group, leaves only when in it', () => {
    given([joined(ASHA, 1)])
      .when({ type: 'JoinRoster', data: joined(ASHA, 1).data, metadata })
      .then([]);
    given([])
      .when({ type: 'LeaveRoster', data: left(ASHA, MONDAY).data, metadata })
      .then([]);
    given([joined(ASHA, 1)])
      .when({ type: 'LeaveRoster', data: left(ASHA, MONDAY).data, metadata })
      .then([left(ASHA, MONDAY)]);
  });
  it('moves the start back to the enrolment’s first day, whichever of the two came first (ADR 0056)', () => {
    // Typed in on 2 November, enrolled since 1 September: in the group from 1 September.
    given([joined(ASHA, 1)])
      .when({ type: 'JoinRoster', data: joined(ASHA, 1, '2026-09-01').data, metadata })
      .then([joined(ASHA, 1, '2026-09-01')]);
    given([joined(ASHA, 1, '2026-09-01')])
      .when({ type: 'JoinRoster', data: joined(ASHA, 1).data, metadata })
      .then([]);
    const state = fold(rosterDecider, [joined(ASHA, 1), joined(ASHA, 0, '2026-09-01')]);
    expect(membersOn(state, '2026-09-01')).toEqual([expect.objectContaining({ studentId: ASHA, rollNumber: 1 })]);
    // Never back over days the student had left the group.
    given([joined(BEN, 2, '2026-09-01'), left(BEN, '2026-10-01'), joined(BEN, 2, '2026-11-01')])
      .when({ type: 'JoinRoster', data: joined(BEN, 2, '2026-09-01').data, metadata })
      .then([]);
  });

  it('answers who is in the group on a day, through leaving and coming back', () => {
    const state = fold(rosterDecider, [
      joined(ASHA, 1),
      joined(BEN, 2),
      left(BEN, '2026-11-10'),
      joined(BEN, 2, '2026-11-20'),
    ]);
    expect(membersOn(state, '2026-11-10').map((m) => m.studentId)).toEqual([ASHA, BEN]);
    expect(membersOn(state, '2026-11-11').map((m) => m.studentId)).toEqual([ASHA]);
    expect(membersOn(state, MONDAY).map((m) => m.studentId)).toEqual([ASHA, BEN]);
    expect(membersOn(state, '2026-11-01')).toEqual([]);
  });
});

describe("the school's facts and the effective policy (ADR 0038: the school's area wins)", () => {
  const codes = [
    { code: 'PR', label: 'Present', meaning: 'present' },
    { code: 'AB', label: 'Absent', meaning: 'absent' },
  ];
  const thresholds = { consecutiveAbsentDays: 5, minimumAttendancePercent: 80 };
  const groupNoted = (policyVersion: number) =>
    attendance.groupAttendancePolicyNoted({ policyVersion, attendanceCodes: codes, absenceThresholds: thresholds });

  it('sets how the school takes attendance: once per change, a known mode only', () => {
    const given = deciderSpec(schoolDecider);
    const set = (mode: string) => ({ schoolId: SCHOOL, mode, setBy: TEACHER, setAt: NOW });
    given([])
      .when({ type: 'SetAttendanceMode', data: set('daily'), metadata })
      .then([attendance.schoolAttendanceModeSet(set('daily'))]);
    given([attendance.schoolAttendanceModeSet(set('daily'))])
      .when({ type: 'SetAttendanceMode', data: set('daily'), metadata })
      .then([]);
    // Every lesson's register until a school says otherwise.
    given([])
      .when({ type: 'SetAttendanceMode', data: set('lesson'), metadata })
      .then([]);
    given([])
      .when({ type: 'SetAttendanceMode', data: set('weekly'), metadata })
      .thenThrows('unknown-attendance-mode', { field: 'mode' });
    expect(fold(schoolDecider, [attendance.schoolAttendanceModeSet(set('daily'))]).mode).toBe('daily');
  });

  it('locks registers by the school’s own lock, else the group’s, else the service’s default (null)', () => {
    const group = fold(groupPolicyDecider, [
      attendance.groupAttendancePolicyNoted({
        policyVersion: 1,
        attendanceCodes: codes,
        absenceThresholds: thresholds,
        registerLockDays: 2,
      }),
    ]);
    const own = fold(schoolDecider, [
      attendance.schoolAttendanceSettingsNoted({
        schoolId: SCHOOL,
        attendanceCodes: null,
        absenceThresholds: null,
        registerLockDays: 0,
      }),
    ]);
    expect(effectivePolicy(group, schoolDecider.initialState).lockDays).toBe(2);
    expect(effectivePolicy(group, own).lockDays).toBe(0);
    expect(effectivePolicy(groupPolicyDecider.initialState, schoolDecider.initialState).lockDays).toBeNull();
  });

  it('takes a holiday once, and knows its days', () => {
    const given = deciderSpec(schoolDecider);
    given([holiday(MONDAY)])
      .when({ type: 'NoteHoliday', data: holiday(MONDAY).data, metadata })
      .then([]);
    const state = fold(schoolDecider, [holiday('2026-11-28', MONDAY)]);
    expect(holidayOn(state, '2026-11-29')?.name).toBe('Diwali');
    expect(holidayOn(state, '2026-12-01')).toBeNull();
  });

  it('takes only newer group policy versions', () => {
    const given = deciderSpec(groupPolicyDecider);
    given([groupNoted(2)])
      .when({ type: 'NoteGroupPolicy', data: groupNoted(2).data, metadata })
      .then([]);
    given([groupNoted(2)])
      .when({ type: 'NoteGroupPolicy', data: groupNoted(3).data, metadata })
      .then([groupNoted(3)]);
  });

  it("uses the defaults, then the group's, then the school's own area", () => {
    const none = effectivePolicy(groupPolicyDecider.initialState, schoolDecider.initialState);
    expect(none.codes).toBe(DEFAULT_CODES);
    const group = fold(groupPolicyDecider, [groupNoted(1)]);
    expect(effectivePolicy(group, schoolDecider.initialState)).toEqual({ codes, thresholds, lockDays: null });
    const own = [{ code: 'X', label: 'Here', meaning: 'present' }];
    const school = fold(schoolDecider, [
      attendance.schoolAttendanceSettingsNoted({ schoolId: SCHOOL, attendanceCodes: own, absenceThresholds: null }),
    ]);
    expect(effectivePolicy(group, school)).toEqual({ codes: own, thresholds, lockDays: null });
    expect(GROUP).toBeDefined();
  });
});

describe("Events' school events, as attendance notes them", () => {
  const given = deciderSpec(schoolEventDecider);
  const noted = attendance.schoolEventNoted({
    eventId: 'trip-1',
    schoolId: SCHOOL,
    title: 'Museum trip',
    groupIds: [GROUP],
    allDay: true,
    startDate: MONDAY,
    startTime: null,
    endDate: MONDAY,
    endTime: null,
  });
  const published = attendance.schoolEventPublishedNoted({ eventId: 'trip-1' });
  const cancelled = attendance.schoolEventCancelledNoted({ eventId: 'trip-1' });
  const publish = { type: 'NoteSchoolEventPublished' as const, data: { eventId: 'trip-1' }, metadata };

  it('publishes a noted draft once, and nothing after a cancellation', () => {
    given([noted]).when(publish).then([published]);
    given([noted, published]).when(publish).then([]);
    given([noted, cancelled]).when(publish).then([]);
    given([]).when(publish).then([]);
  });

  it('tells the roster of a group event, and forgets it when dropped', () => {
    const roster = fold(rosterDecider, [groupEvent()]);
    expect(schoolEventDuring(roster, MONDAY, '09:00', '09:45')?.title).toBe('Museum trip');
    expect(schoolEventDuring(roster, '2026-12-01', '09:00', '09:45')).toBeNull();
    deciderSpec(rosterDecider)([groupEvent()])
      .when({ type: 'NoteGroupEvent', data: groupEvent().data, metadata })
      .then([]);
    expect(fold(rosterDecider, [groupEvent(), groupEventDropped()]).events).toEqual({});
  });
});
