import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { timetableDecider, weekdayOf } from '../../src/domain';
import type { GroupTeaching, ScheduleSession, TimetableCommand } from '../../src/domain';
import { GROUP, metadata, NOW, OTHER_GROUP, SCHOOL, SUBJECT, TEACHER, TERM, YEAR } from './fixtures';

const given = deciderSpec(timetableDecider);
const S1 = '0195f0a2-7c1e-7000-8000-0000000bb001';
const S2 = '0195f0a2-7c1e-7000-8000-0000000bb002';
const OTHER_TEACHER = '0195f0a2-7c1e-7000-8000-0000000aa002';
const term = { termId: TERM, yearId: YEAR, schoolId: SCHOOL, startDate: '2026-04-01', endDate: '2026-09-30' };
const teaches = (groupId: string, teacherUserId: string): GroupTeaching => ({
  groupId,
  schoolId: SCHOOL,
  yearId: YEAR,
  teachers: [{ subjectId: SUBJECT, teacherUserId }],
});

// 2026-04-06 is a Monday.
type Slot = Partial<Omit<ScheduleSession['data'], 'group'>> & { group?: GroupTeaching };
const schedule = (over: Slot = {}): TimetableCommand => ({
  type: 'ScheduleSession',
  data: {
    sessionId: S1,
    term,
    group: teaches(GROUP, TEACHER),
    subject: { subjectId: SUBJECT, name: 'Mathematics' },
    teacherUserId: TEACHER,
    room: 'R-101',
    firstDate: '2026-04-06',
    lastDate: '2026-06-26',
    weekdays: [3, 1],
    startTime: '09:00',
    endTime: '09:45',
    ...over,
  },
  metadata,
});
const scheduled = (over: Partial<admin.ClassSessionScheduledData> = {}) =>
  admin.classSessionScheduled({
    sessionId: S1,
    termId: TERM,
    schoolId: SCHOOL,
    yearId: YEAR,
    groupId: GROUP,
    subjectId: SUBJECT,
    subjectName: 'Mathematics',
    teacherUserId: TEACHER,
    room: 'R-101',
    firstDate: '2026-04-06',
    lastDate: '2026-06-26',
    weekdays: [1, 3],
    startTime: '09:00',
    endTime: '09:45',
    scheduledAt: NOW,
    ...over,
  });
const cancelled = (date: string | null, over: Partial<admin.ClassSessionCancelledInput> = {}) =>
  admin.classSessionCancelled({
    sessionId: S1,
    termId: TERM,
    schoolId: SCHOOL,
    groupId: GROUP,
    date,
    reason: 'teacher ill',
    holidayEventId: null,
    cancelledAt: NOW,
    ...over,
  });

describe('scheduling a session', () => {
  it('schedules a weekly session on Mondays and Wednesdays, weekdays in order', () => {
    expect(weekdayOf('2026-04-06')).toBe(1);
    given([]).when(schedule()).then([scheduled()]);
  });

  it('schedules a single lesson on the weekday of its date when no pattern is given', () => {
    given([])
      .when(schedule({ lastDate: null, weekdays: null, firstDate: '2026-04-09' }))
      .then([scheduled({ firstDate: '2026-04-09', lastDate: '2026-04-09', weekdays: [4] })]);
  });
});

describe('a session lies inside its term and starts before it ends', () => {
  it('refuses dates outside the term', () => {
    given([])
      .when(schedule({ lastDate: '2026-10-05' }))
      .thenThrows('session-outside-term', { endDate: '2026-09-30' });
    given([])
      .when(schedule({ firstDate: '2026-03-30' }))
      .thenThrows('session-outside-term');
  });

  it('refuses an end time not after the start, a malformed time, and a last day before the first', () => {
    given([])
      .when(schedule({ endTime: '09:00' }))
      .thenThrows('session-ends-before-start');
    given([])
      .when(schedule({ startTime: '9:00' }))
      .thenThrows('invalid-time', { field: 'startTime' });
    given([])
      .when(schedule({ lastDate: '2026-04-01' }))
      .thenThrows('end-before-start');
  });

  it('refuses weekdays outside 1-7, and a pattern with no day between its dates', () => {
    given([])
      .when(schedule({ weekdays: [8] }))
      .thenThrows('invalid-weekdays');
    given([])
      .when(schedule({ firstDate: '2026-04-07', lastDate: '2026-04-07', weekdays: [1] }))
      .thenThrows('session-has-no-occurrence');
  });

  it('refuses a group of another year, and a teacher not assigned to the subject in the group', () => {
    given([])
      .when(schedule({ group: { ...teaches(GROUP, TEACHER), yearId: 'another-year' } }))
      .thenThrows('group-not-in-term');
    given([])
      .when(schedule({ teacherUserId: OTHER_TEACHER }))
      .thenThrows('teacher-not-assigned');
  });
});

describe('a group, teacher or room never has two overlapping sessions', () => {
  const other = (over: Slot = {}) =>
    schedule({
      sessionId: S2,
      group: teaches(OTHER_GROUP, OTHER_TEACHER),
      teacherUserId: OTHER_TEACHER,
      room: 'R-202',
      ...over,
    });

  it('refuses the room at an overlapping time on a shared day, however its name is spelt', () => {
    given([scheduled()])
      .when(other({ room: ' r-101 ', weekdays: [3], startTime: '09:30', endTime: '10:15' }))
      .thenThrows('room-double-booked', { sessionId: S1, date: '2026-04-08' });
  });

  it('refuses the teacher, and the group, in the same way', () => {
    given([scheduled()])
      .when(other({ teacherUserId: TEACHER, group: teaches(OTHER_GROUP, TEACHER) }))
      .thenThrows('teacher-double-booked', { sessionId: S1 });
    given([scheduled()])
      .when(other({ group: teaches(GROUP, OTHER_TEACHER) }))
      .thenThrows('group-double-booked');
  });

  it('allows back-to-back lessons, other weekdays, and dates after the other session ends', () => {
    const room = { room: 'R-101' };
    given([scheduled()])
      .when(other({ ...room, startTime: '09:45', endTime: '10:30' }))
      .then([
        scheduled({
          sessionId: S2,
          groupId: OTHER_GROUP,
          teacherUserId: OTHER_TEACHER,
          startTime: '09:45',
          endTime: '10:30',
        }),
      ]);
    given([scheduled()])
      .when(other({ ...room, weekdays: [2, 4] }))
      .then([scheduled({ sessionId: S2, groupId: OTHER_GROUP, teacherUserId: OTHER_TEACHER, weekdays: [2, 4] })]);
    given([scheduled()])
      .when(other({ ...room, firstDate: '2026-06-29', lastDate: '2026-09-30' }))
      .then([
        scheduled({
          sessionId: S2,
          groupId: OTHER_GROUP,
          teacherUserId: OTHER_TEACHER,
          firstDate: '2026-06-29',
          lastDate: '2026-09-30',
        }),
      ]);
  });

  it('frees the slot of a cancelled session, and of a cancelled lesson on its day', () => {
    const single = { firstDate: '2026-04-08', lastDate: null, weekdays: null, room: 'R-101' };
    const booked = scheduled({
      sessionId: S2,
      groupId: OTHER_GROUP,
      teacherUserId: OTHER_TEACHER,
      firstDate: '2026-04-08',
      lastDate: '2026-04-08',
      weekdays: [3],
    });
    given([scheduled(), cancelled('2026-04-08')])
      .when(other(single))
      .then([booked]);
    given([scheduled(), cancelled(null)])
      .when(other(single))
      .then([booked]);
    given([scheduled(), cancelled('2026-04-06')])
      .when(other(single))
      .thenThrows('room-double-booked');
  });
});

describe('cancelling', () => {
  const cancel = (date: string | null): TimetableCommand => ({
    type: 'CancelSession',
    data: { sessionId: S1, date, reason: 'teacher ill' },
    metadata,
  });

  it('cancels one lesson of a session, or all of it', () => {
    given([scheduled()])
      .when(cancel('2026-04-08'))
      .then([cancelled('2026-04-08')]);
    given([scheduled()])
      .when(cancel(null))
      .then([cancelled(null)]);
  });

  it('refuses a day the session does not meet, a lesson already cancelled, a cancelled session and an unknown one', () => {
    given([scheduled()]).when(cancel('2026-04-07')).thenThrows('not-an-occurrence');
    given([scheduled(), cancelled('2026-04-08')])
      .when(cancel('2026-04-08'))
      .thenThrows('occurrence-already-cancelled');
    given([scheduled(), cancelled(null)])
      .when(cancel('2026-04-08'))
      .thenThrows('session-already-cancelled');
    given([]).when(cancel(null)).thenThrows('session-not-found');
  });

  it('cancels every lesson on the days of a holiday, once each, and nothing when none falls on them', () => {
    const holiday = (startDate: string, endDate: string): TimetableCommand => ({
      type: 'CancelDays',
      data: { startDate, endDate, reason: 'Founders day', holidayEventId: S2 },
      metadata,
    });
    const off = (date: string) => cancelled(date, { reason: 'Founders day', holidayEventId: S2 });
    given([scheduled(), cancelled('2026-04-08')])
      .when(holiday('2026-04-06', '2026-04-13'))
      .then([off('2026-04-06'), off('2026-04-13')]);
    given([scheduled()]).when(holiday('2026-04-07', '2026-04-07')).then([]);
  });
});
