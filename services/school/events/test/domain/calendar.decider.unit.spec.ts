import { deciderSpec } from '@hexfleet/testing';
import { events } from '@hexfleet/schemas';
import { calendarDecider, CreateCalendar } from '../../src/domain';
import { at, CALENDAR, GROUP, NOW, SCHOOL, TZ } from './events-fixtures';

const given = deciderSpec(calendarDecider);
const create = (overrides: Partial<CreateCalendar['data']> = {}): CreateCalendar => ({
  type: 'CreateCalendar',
  data: {
    calendarId: CALENDAR,
    schoolId: SCHOOL,
    kind: 'school',
    groupId: null,
    name: 'School calendar',
    timeZone: TZ,
    ...overrides,
  },
  metadata: at(),
});

describe('calendars: one for the school, one per group', () => {
  it('given nothing, when the school calendar is created, then CalendarCreated with its time zone', () => {
    given([])
      .when(create())
      .then([
        events.calendarCreated({
          calendarId: CALENDAR,
          schoolId: SCHOOL,
          kind: 'school',
          groupId: null,
          name: 'School calendar',
          timeZone: TZ,
          createdAt: NOW,
        }),
      ]);
  });

  it('given a group calendar, then it names its group', () => {
    given([])
      .when(create({ kind: 'group', groupId: GROUP, name: 'Grade 5A' }))
      .then([
        events.calendarCreated({
          calendarId: CALENDAR,
          schoolId: SCHOOL,
          kind: 'group',
          groupId: GROUP,
          name: 'Grade 5A',
          timeZone: TZ,
          createdAt: NOW,
        }),
      ]);
    given([])
      .when(create({ kind: 'group', groupId: null }))
      .thenThrows('group-calendar-needs-group');
    given([])
      .when(create({ kind: 'school', groupId: GROUP }))
      .thenThrows('group-calendar-needs-group');
  });

  it('given a time zone the tz database does not know, then it is refused with invalid-time-zone', () => {
    given([])
      .when(create({ timeZone: 'Mars/Olympus' }))
      .thenThrows('invalid-time-zone');
  });

  it('given the calendar exists, then creating it again is refused with calendar-already-exists', () => {
    const created = events.calendarCreated({
      calendarId: CALENDAR,
      schoolId: SCHOOL,
      kind: 'school',
      groupId: null,
      name: 'x',
      timeZone: TZ,
      createdAt: NOW,
    });
    given([created]).when(create()).thenThrows('calendar-already-exists');
  });
});
