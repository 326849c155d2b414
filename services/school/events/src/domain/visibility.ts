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

/**
 * The groups whose audiences a person belongs to (ADR 0048): those Admin's events place them in
 * (a student, by their user id) and those a role of their token is granted over (identity's group
 * grants: a teacher or a student of one group). Either is enough; neither takes away the other.
 */
export function audienceGroups(memberOf: readonly string[], grantedOver: readonly string[]): string[] {
  return [...new Set([...memberOf, ...grantedOver])].sort();
}
