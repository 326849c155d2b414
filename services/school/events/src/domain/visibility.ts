import type { EventDetails, EventState, Person } from './event.types';

/** Whether a person is in the event's audience: the whole school, one of its groups, or a named user. */
export function inAudience(audience: EventDetails['audience'], person: Person): boolean {
  if (audience.kind === 'school') return true;
  if (audience.kind === 'groups') return person.groupIds.some((g) => audience.ids.includes(g));
  return audience.ids.includes(person.userId);
}

/**
 * Only published events are visible, and only to their audience. A completed
 * event was published and stays in the calendar's history; drafts are the
 * organisers' business (the application shows them to organisers only) and a
 * cancelled event is gone from the calendar.
 */
export function isVisibleTo(state: EventState, person: Person): boolean {
  if (state.status !== 'published' && state.status !== 'completed') return false;
  return inAudience(state.audience, person);
}
