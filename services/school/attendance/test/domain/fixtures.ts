import { fold } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { classSessionDecider, DEFAULT_CODES, rosterDecider, schoolDecider } from '../../src/domain';
import type { AttendanceCode, ClassSessionEvent, RegisterFacts, RosterEvent, SchoolEvent } from '../../src/domain';

export const NOW = '2026-11-30T09:05:00.000Z';
export const metadata = { now: NOW };
export const SCHOOL = '0195f0a2-7c1e-7000-8000-00000000a001';
export const GROUP = '0195f0a2-7c1e-7000-8000-00000000b001';
export const SESSION = '0195f0a2-7c1e-7000-8000-00000000c001';
export const REGISTER = '0195f0a2-7c1e-7000-8000-00000000d001';
export const TEACHER = '0195f0a2-7c1e-7000-8000-00000000e001';
export const ASHA = '0195f0a2-7c1e-7000-8000-00000000f001';
export const BEN = '0195f0a2-7c1e-7000-8000-00000000f002';
export const CHIDI = '0195f0a2-7c1e-7000-8000-00000000f003';
export const STRANGER = '0195f0a2-7c1e-7000-8000-00000000f009';
/** A Monday: the session runs on Mondays and Wednesdays. */
export const MONDAY = '2026-11-30';

export const sessionNoted = (over: Partial<attendance.ClassSessionNotedData> = {}) =>
  attendance.classSessionNoted({
    sessionId: SESSION,
    termId: '0195f0a2-7c1e-7000-8000-00000000c0ff',
    schoolId: SCHOOL,
    groupId: GROUP,
    subjectName: 'Mathematics',
    teacherUserId: TEACHER,
    room: 'R-101',
    firstDate: '2026-11-02',
    lastDate: '2027-03-31',
    weekdays: [1, 3],
    startTime: '09:00',
    endTime: '09:45',
    ...over,
  });

export const cancellation = (date: string | null, holidayEventId: string | null = null) =>
  attendance.classSessionCancellationNoted({
    sessionId: SESSION,
    schoolId: SCHOOL,
    date,
    reason: holidayEventId ? 'Diwali' : 'teacher ill',
    holidayEventId,
    cancelledAt: '2026-11-20T08:00:00.000Z',
  });

export const joined = (studentId: string, rollNumber: number, fromDate = '2026-11-02') =>
  attendance.rosterMemberJoined({
    groupId: GROUP,
    schoolId: SCHOOL,
    studentId,
    rollNumber,
    firstName: `S${rollNumber}`,
    lastName: '',
    fromDate,
  });
export const left = (studentId: string, lastDate: string) =>
  attendance.rosterMemberLeft({ groupId: GROUP, schoolId: SCHOOL, studentId, lastDate, reason: 'moved' });

export const holiday = (startDate: string, endDate = startDate) =>
  attendance.holidayNoted({ schoolId: SCHOOL, holidayEventId: 'h-1', name: 'Diwali', startDate, endDate });

export interface FactsOver {
  session?: ClassSessionEvent[];
  roster?: RosterEvent[];
  school?: SchoolEvent[];
  codes?: readonly AttendanceCode[];
  date?: string;
  today?: string;
  lockDays?: number;
  dailyLesson?: RegisterFacts['dailyLesson'];
}

/** A class of three (Asha, Ben, Chidi) with a Monday/Wednesday maths session. */
export function facts(over: FactsOver = {}): RegisterFacts {
  return {
    registerId: REGISTER,
    sessionId: SESSION,
    date: over.date ?? MONDAY,
    session: fold(classSessionDecider, over.session ?? [sessionNoted()]),
    roster: fold(rosterDecider, over.roster ?? [joined(ASHA, 1), joined(BEN, 2), joined(CHIDI, 3)]),
    school: fold(schoolDecider, over.school ?? []),
    codes: over.codes ?? DEFAULT_CODES,
    today: over.today ?? over.date ?? MONDAY,
    lockDays: over.lockDays ?? 7,
    dailyLesson: over.dailyLesson ?? null,
  };
}

export const at = { registerId: REGISTER, sessionId: SESSION, date: MONDAY, schoolId: SCHOOL, groupId: GROUP };

export const groupEvent = (over: Partial<attendance.GroupEventNotedData> = {}) =>
  attendance.groupEventNoted({
    groupId: GROUP,
    schoolId: SCHOOL,
    eventId: 'trip-1',
    title: 'Museum trip',
    allDay: true,
    startDate: MONDAY,
    startTime: null,
    endDate: MONDAY,
    endTime: null,
    ...over,
  });
export const groupEventDropped = () => attendance.groupEventDropped({ groupId: GROUP, eventId: 'trip-1' });
