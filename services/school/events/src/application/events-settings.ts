import type { Clock } from '@hexfleet/kernel';

/** DI token of the Events service's settings. */
export const EVENTS_SETTINGS = Symbol('EventsSettings');

export interface EventsSettings {
  clock: Clock;
  /** The projections' actual names (suffixed), by role. */
  readModels: { activity: string };
}
