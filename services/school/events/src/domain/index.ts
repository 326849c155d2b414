// The Events domain: pure deciders and the helpers their rules need.
export type { Command } from './command';
export { addDays, daysBetween } from './dates';
export { expandOccurrences, MAX_OCCURRENCES } from './recurrence';
export { checkWhen, FREQUENCIES, slotOf, venueSlots } from './when';
export type { Occurrence, Recurrence, Slot, When } from './when';
export * from './calendar.decider';
export * from './event.types';
export { eventDecider } from './event.decider';
export { audienceGroups, inAudience, isVisibleTo } from './visibility';
export * from './venue.decider';
