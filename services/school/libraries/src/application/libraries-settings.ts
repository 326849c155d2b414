/** DI token of the Libraries service's settings. */
export const LIBRARIES_SETTINGS = Symbol('LibrariesSettings');

/**
 * What the Libraries service is composed with beyond the platform's options.
 * Library days are school-calendar days, so `now` becomes a day in `timeZone`
 * (one zone per deployment until schools carry their own, from HQ).
 */
export interface LibrariesSettings {
  /** The IANA zone whose calendar days loans fall due on. */
  timeZone: string;
  /** Days a returned copy waits on the hold shelf for the patron it was set aside for. */
  pickupDays: number;
  /** How often the overdue job runs; 0 turns it off. */
  overdueScanIntervalMs: number;
  /** How often uncollected holds are expired off the hold shelf; 0 turns it off. */
  holdExpiryScanIntervalMs: number;
  /** The read models' running names (suffixed), by role: what queries wait on. */
  readModels: { catalogue: string; circulation: string };
}
