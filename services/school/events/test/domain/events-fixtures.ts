import { events } from '@hexfleet/schemas';
import type { ScheduleEvent, When } from '../../src/domain';

// Shared givens for the Events specs: one school calendar, one hall, one assembly.
export const SCHOOL = '0190a1b2-0000-7000-8000-0000000000e1';
export const CALENDAR = '0190a1b2-0000-7000-8000-0000000000e2';
export const EVENT = '0190a1b2-0000-7000-8000-0000000000e3';
export const OTHER_EVENT = '0190a1b2-0000-7000-8000-0000000000e4';
export const VENUE = '0190a1b2-0000-7000-8000-0000000000e5';
export const GROUP = '0190a1b2-0000-7000-8000-0000000000e6';
export const ORGANISER = '0190a1b2-0000-7000-8000-0000000000e7';
export const NOW = '2025-03-03T04:00:00.000Z';
export const TZ = 'Asia/Kolkata';

export const at = (now = NOW) => ({ now });

/** Monday 2025-03-10, 09:00 to 10:00 in the school's time zone. */
export const timed = (overrides: Partial<When> = {}): When => ({
  allDay: false,
  startDate: '2025-03-10',
  startTime: '09:00',
  endDate: '2025-03-10',
  endTime: '10:00',
  recurrence: null,
  venueId: null,
  ...overrides,
});

export const allDay = (startDate: string, endDate = startDate): When => ({
  allDay: true,
  startDate,
  startTime: null,
  endDate,
  endTime: null,
  recurrence: null,
  venueId: null,
});

export const scheduleEvent = (overrides: Partial<ScheduleEvent['data']> = {}): ScheduleEvent => ({
  type: 'ScheduleEvent',
  data: {
    eventId: EVENT,
    calendar: { calendarId: CALENDAR, schoolId: SCHOOL, kind: 'school', timeZone: TZ },
    eventType: 'assembly',
    title: 'Annual day assembly',
    description: '',
    audience: { kind: 'school', ids: [] },
    when: timed(),
    registration: { required: false, capacity: null, waitlistEnabled: false },
    reminderMinutesBefore: [60],
    scheduledBy: ORGANISER,
    ...overrides,
  },
  metadata: at(),
});

/** What `scheduleEvent(overrides)` records; registration and audience overrides as flat fields. */
export const eventScheduled = (overrides: Partial<events.EventScheduledData> = {}) =>
  events.eventScheduled({
    eventId: EVENT,
    calendarId: CALENDAR,
    schoolId: SCHOOL,
    eventType: 'assembly',
    title: 'Annual day assembly',
    description: '',
    audienceKind: 'school',
    audienceIds: [],
    ...timed(),
    timeZone: TZ,
    registrationRequired: false,
    capacity: null,
    waitlistEnabled: false,
    reminderMinutesBefore: [60],
    scheduledBy: ORGANISER,
    scheduledAt: NOW,
    ...overrides,
  });

export const eventPublished = (overrides: Partial<events.EventPublishedData> = {}) =>
  events.eventPublished({
    eventId: EVENT,
    calendarId: CALENDAR,
    schoolId: SCHOOL,
    eventType: 'assembly',
    title: 'Annual day assembly',
    startDate: '2025-03-10',
    endDate: '2025-03-10',
    publishedAt: NOW,
    ...overrides,
  });
