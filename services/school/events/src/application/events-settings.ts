/** DI token of the Events service's settings. */
export const EVENTS_SETTINGS = Symbol('EventsSettings');

/** What the Events service is composed with beyond the platform's options. */
export interface EventsSettings {
  /** The read models' running names (suffixed), by role: what queries wait on. */
  readModels: { activity: string; audiences: string; calendar: string };
}
