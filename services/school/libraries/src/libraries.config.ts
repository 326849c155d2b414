import type { Clock } from '@hexfleet/kernel';
import { z } from 'zod';

/**
 * What the Libraries service needs beyond the platform's variables. Library
 * days are school-calendar days, so `now` becomes a day in `timeZone` (one
 * zone per deployment until schools carry their own, from HQ).
 */
export interface LibrariesOptions {
  clock: Clock;
  timeZone: string;
  /** Days a returned copy waits on the hold shelf for the patron it was set aside for. */
  pickupDays: number;
  /** How often the overdue job runs; 0 turns it off. */
  overdueScanIntervalMs: number;
  /** How often uncollected holds are expired off the hold shelf; 0 turns it off. */
  holdExpiryScanIntervalMs: number;
  /**
   * Appended to every projection name (so to its consumer group and bookkeeping):
   * a new suffix builds fresh read models beside the old ones (blue/green rebuild),
   * and lets several instances share one Kafka cluster without sharing a group.
   */
  projectionSuffix: string;
}

const schema = z.object({
  LIBRARY_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not an IANA time zone'),
  LIBRARY_PICKUP_DAYS: z.coerce.number().int().min(1).default(7),
  OVERDUE_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  HOLD_EXPIRY_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  PROJECTION_SUFFIX: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .default(''),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function librariesEnv(env: NodeJS.ProcessEnv): Omit<LibrariesOptions, 'clock'> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Libraries configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    timeZone: e.LIBRARY_TIME_ZONE,
    pickupDays: e.LIBRARY_PICKUP_DAYS,
    overdueScanIntervalMs: e.OVERDUE_SCAN_INTERVAL_MS,
    holdExpiryScanIntervalMs: e.HOLD_EXPIRY_SCAN_INTERVAL_MS,
    projectionSuffix: e.PROJECTION_SUFFIX,
  };
}
