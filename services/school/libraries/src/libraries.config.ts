import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';
import type { LibrariesSettings } from './application/libraries-settings';

/** The service's own settings, as the environment gives them (the read models' names come from the composition). */
export type LibrariesEnv = Omit<LibrariesSettings, 'readModels'>;

/** What `createLibraries` is composed with: the platform's common options and the service's own. */
export interface LibrariesOptions extends CommonOptions, LibrariesEnv {}

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
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function librariesEnv(env: NodeJS.ProcessEnv): LibrariesEnv {
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
  };
}
