import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { events } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * A school's calendar or one group's. Stream `<tenant>/calendar/<calendarId>`,
 * topic events.calendar.v1. Its time zone is the one event dates and times on
 * it are read in.
 */
export type CreateCalendar = Command<
  'CreateCalendar',
  {
    calendarId: string;
    schoolId: string;
    kind: 'school' | 'group';
    groupId: string | null;
    name: string;
    timeZone: string;
  }
>;
export type CalendarCommand = CreateCalendar;
export type CalendarEvent = events.EventsCalendarV1Event;
export type CalendarState =
  | { status: 'none' }
  | { status: 'created'; calendarId: string; schoolId: string; kind: 'school' | 'group'; timeZone: string };

function decide(command: CalendarCommand, state: CalendarState): CalendarEvent[] {
  switch (command.type) {
    case 'CreateCalendar': {
      if (state.status !== 'none') throw new DomainError('calendar-already-exists', { calendarId: state.calendarId });
      const { kind, groupId, name, timeZone } = command.data;
      if (kind !== 'school' && kind !== 'group') throw new DomainError('invalid-calendar-kind', { kind });
      if ((kind === 'group') !== (groupId !== null)) throw new DomainError('group-calendar-needs-group', { kind });
      if (!name.trim()) throw new DomainError('name-required');
      if (!isTimeZone(timeZone)) throw new DomainError('invalid-time-zone', { timeZone });
      return [events.calendarCreated({ ...command.data, createdAt: command.metadata.now })];
    }
    default:
      return assertNever(command.type);
  }
}

/** An IANA zone the runtime's time-zone database knows (pure: ICU data, no I/O). */
function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone.length > 0;
  } catch {
    return false;
  }
}

function evolve(_state: CalendarState, event: CalendarEvent): CalendarState {
  switch (event.type) {
    case 'CalendarCreated': {
      const { calendarId, schoolId, kind, timeZone } = event.data;
      return { status: 'created', calendarId, schoolId, kind: kind === 'group' ? 'group' : 'school', timeZone };
    }
    default:
      return assertNever(event.type);
  }
}

export const calendarDecider: Decider<CalendarCommand, CalendarEvent, CalendarState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
