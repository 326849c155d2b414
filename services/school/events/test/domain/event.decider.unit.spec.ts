import { deciderSpec } from '@hexfleet/testing';
import { events } from '@hexfleet/schemas';
import { eventDecider, EventCommand, When } from '../../src/domain';
import {
  allDay,
  at,
  CALENDAR,
  EVENT,
  eventPublished,
  eventScheduled,
  GROUP,
  NOW,
  scheduleEvent,
  SCHOOL,
  timed,
} from './events-fixtures';

const given = deciderSpec(eventDecider);
const command = <C extends EventCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata: at() }) as C;
const ids = { eventId: EVENT, schoolId: SCHOOL };
const reschedule = (when: When) => command('RescheduleEvent', { when });

describe('scheduling: a draft on a calendar, for an audience, all-day or timed, with reminders', () => {
  it('given nothing, when an assembly is scheduled, then EventScheduled records a draft in the calendar time zone', () => {
    given([]).when(scheduleEvent()).then([eventScheduled()]);
  });

  it('given a trip for two groups over two whole days, then the audience and the all-day dates are recorded', () => {
    given([])
      .when(
        scheduleEvent({
          eventType: 'trip',
          audience: { kind: 'groups', ids: [GROUP] },
          when: allDay('2025-03-14', '2025-03-15'),
        }),
      )
      .then([
        eventScheduled({
          eventType: 'trip',
          audienceKind: 'groups',
          audienceIds: [GROUP],
          ...allDay('2025-03-14', '2025-03-15'),
        }),
      ]);
  });

  it.each([
    ['an unknown event type', { eventType: 'party' as never }, 'invalid-event-type'],
    ['a groups audience naming no group', { audience: { kind: 'groups' as const, ids: [] } }, 'audience-required'],
    [
      'a capacity without registration',
      { registration: { required: false, capacity: 10, waitlistEnabled: false } },
      'capacity-without-registration',
    ],
    [
      'a capacity of zero',
      { registration: { required: true, capacity: 0, waitlistEnabled: false } },
      'invalid-capacity',
    ],
    ['a negative reminder', { reminderMinutesBefore: [-5] }, 'invalid-reminder'],
    ['a timed event without times', { when: timed({ startTime: null }) }, 'times-required'],
    [
      'an all-day event with times',
      { when: { ...allDay('2025-03-10'), startTime: '09:00' } },
      'all-day-event-has-no-times',
    ],
    [
      'a series without COUNT or UNTIL',
      { when: timed({ recurrence: { frequency: 'weekly', interval: 1, count: null, until: null } }) },
      'recurrence-unbounded',
    ],
    [
      'a yearly series',
      { when: timed({ recurrence: { frequency: 'yearly', interval: 1, count: 2, until: null } }) },
      'invalid-recurrence',
    ],
    [
      'daily two-day occurrences',
      {
        when: {
          ...allDay('2025-03-10', '2025-03-11'),
          recurrence: { frequency: 'daily', interval: 1, count: 3, until: null },
        },
      },
      'occurrences-overlap',
    ],
  ])('given %s, then scheduling is refused', (_, overrides, code) => {
    given([]).when(scheduleEvent(overrides)).thenThrows(code);
  });

  it('given a series until a day that does not exist, then it is refused with invalid-date naming until', () => {
    const recurrence = { frequency: 'weekly', interval: 1, count: null, until: '2025-02-30' };
    given([])
      .when(scheduleEvent({ when: timed({ recurrence }) }))
      .thenThrows('invalid-date', { field: 'until', value: '2025-02-30' });
  });

  it('given a series with both COUNT and UNTIL, then invalid-recurrence names until', () => {
    const recurrence = { frequency: 'weekly', interval: 1, count: 2, until: '2025-03-31' };
    given([])
      .when(scheduleEvent({ when: timed({ recurrence }) }))
      .thenThrows('invalid-recurrence', { reason: 'count-and-until', field: 'until' });
  });

  it('given an event already scheduled, then scheduling it again is refused with event-already-exists', () => {
    given([eventScheduled()]).when(scheduleEvent()).thenThrows('event-already-exists');
  });
});

describe('rule: end not before start', () => {
  it('given a timed event ending before it starts, then it is refused with end-before-start', () => {
    given([])
      .when(scheduleEvent({ when: timed({ endTime: '08:59' }) }))
      .thenThrows('end-before-start');
  });

  it('given an all-day event whose last day is before its first, then it is refused with end-before-start', () => {
    given([])
      .when(scheduleEvent({ when: allDay('2025-03-10', '2025-03-09') }))
      .thenThrows('end-before-start');
  });

  it('given an evening event ending after midnight, then the next-day end is after the start', () => {
    const overnight = timed({ startTime: '22:00', endDate: '2025-03-11', endTime: '02:00' });
    given([])
      .when(scheduleEvent({ when: overnight }))
      .then([eventScheduled(overnight)]);
  });

  it('given a reschedule to an end before the start, then it is refused with end-before-start', () => {
    given([eventScheduled()])
      .when(reschedule(timed({ startTime: '11:00' })))
      .thenThrows('end-before-start');
  });
});

describe('lifecycle: draft -> published -> cancelled or completed', () => {
  it('given a draft, when published, then EventPublished', () => {
    given([eventScheduled()]).when(command('PublishEvent', {})).then([eventPublished()]);
  });

  it('given a published event, then publishing again is refused with event-already-published', () => {
    given([eventScheduled(), eventPublished()]).when(command('PublishEvent', {})).thenThrows('event-already-published');
  });

  it('given a draft or a published event, when rescheduled, then EventRescheduled replaces the when; the same when again changes nothing', () => {
    const later = timed({ startDate: '2025-03-11', endDate: '2025-03-11' });
    given([eventScheduled(), eventPublished()])
      .when(reschedule(later))
      .then([events.eventRescheduled({ ...ids, ...later, rescheduledAt: NOW })]);
    given([eventScheduled()]).when(reschedule(timed())).then([]);
  });

  it('given a published event, when cancelled, then EventCancelled; it can then be neither published nor moved', () => {
    const cancelled = events.eventCancelled({ ...ids, reason: 'rain', cancelledAt: NOW });
    given([eventScheduled(), eventPublished()])
      .when(command('CancelEvent', { reason: 'rain' }))
      .then([cancelled]);
    given([eventScheduled(), cancelled]).when(command('PublishEvent', {})).thenThrows('event-cancelled');
    given([eventScheduled(), cancelled]).when(reschedule(timed())).thenThrows('event-cancelled');
    given([eventScheduled(), cancelled])
      .when(command('CancelEvent', { reason: '' }))
      .thenThrows('event-cancelled');
  });

  it('given a published event whose last occurrence has ended, when completed, then EventCompleted', () => {
    const completed = events.eventCompleted({ ...ids, completedAt: NOW });
    given([eventScheduled(), eventPublished()])
      .when(command('CompleteEvent', { today: '2025-03-10' }))
      .then([completed]);
    given([eventScheduled(), eventPublished(), completed])
      .when(command('CancelEvent', { reason: '' }))
      .thenThrows('event-completed');
  });

  it('given a weekly series not yet over, then completing it is refused with event-not-finished', () => {
    const weekly = timed({ recurrence: { frequency: 'weekly', interval: 1, count: 3, until: null } });
    given([eventScheduled(weekly), eventPublished()])
      .when(command('CompleteEvent', { today: '2025-03-17' }))
      .thenThrows('event-not-finished', { lastDay: '2025-03-24' });
  });

  it('given a draft, then completing it is refused with event-not-published', () => {
    given([eventScheduled()])
      .when(command('CompleteEvent', { today: '2025-04-01' }))
      .thenThrows('event-not-published');
  });
});

describe('holidays', () => {
  const holiday = scheduleEvent({ eventType: 'holiday', title: 'Holi', when: allDay('2025-03-14', '2025-03-15') });
  const holidayScheduled = eventScheduled({
    eventType: 'holiday',
    title: 'Holi',
    reminderMinutesBefore: [60],
    ...allDay('2025-03-14', '2025-03-15'),
  });

  it('given a holiday draft, when published, then HolidayDeclared tells timetables and attendance which days are off', () => {
    given([holidayScheduled])
      .when(command('PublishEvent', {}))
      .then([
        eventPublished({ eventType: 'holiday', title: 'Holi', startDate: '2025-03-14', endDate: '2025-03-15' }),
        events.holidayDeclared({
          ...ids,
          calendarId: CALENDAR,
          name: 'Holi',
          startDate: '2025-03-14',
          endDate: '2025-03-15',
          declaredAt: NOW,
        }),
      ]);
    given([]).when(holiday).then([holidayScheduled]);
  });

  it('given a timed holiday, then it is refused with holiday-must-be-all-day', () => {
    given([])
      .when(scheduleEvent({ eventType: 'holiday' }))
      .thenThrows('holiday-must-be-all-day');
  });

  it('given a holiday on a group calendar, then it is refused with holiday-needs-school-calendar', () => {
    const groupCalendar = { calendarId: CALENDAR, schoolId: SCHOOL, kind: 'group' as const, timeZone: 'Asia/Kolkata' };
    given([])
      .when(scheduleEvent({ eventType: 'holiday', calendar: groupCalendar, when: allDay('2025-03-14') }))
      .thenThrows('holiday-needs-school-calendar');
  });

  it('given a declared holiday, then moving it is refused with holiday-already-declared (cancel it instead)', () => {
    given([holidayScheduled, eventPublished()])
      .when(reschedule(allDay('2025-03-20')))
      .thenThrows('holiday-already-declared');
  });
});
