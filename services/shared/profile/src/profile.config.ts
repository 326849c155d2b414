import type { Clock } from '@hexfleet/kernel';
import { z } from 'zod';

/** What the Profile service needs beyond the platform's variables. */
export interface ProfileOptions {
  clock: Clock;
  /**
   * Appended to every projection and policy name (so to their consumer groups):
   * a new suffix builds fresh read models beside the old ones, and lets several
   * instances share one Kafka cluster without sharing a group.
   */
  projectionSuffix: string;
  /**
   * Whether to pre-fill department and designation from HRMS. Off for a
   * deployment without HRMS (the school ERP alone), whose Kafka never gets
   * `hrms.employee.v1`: the policy would wait for that topic forever.
   */
  hrmsFacts: boolean;
}

const schema = z.object({
  PROJECTION_SUFFIX: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .default(''),
  PROFILE_HRMS_FACTS: z.enum(['on', 'off']).default('on'),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function profileEnv(env: NodeJS.ProcessEnv): Omit<ProfileOptions, 'clock'> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Profile configuration: ${problems}`);
  }
  return { projectionSuffix: parsed.data.PROJECTION_SUFFIX, hrmsFacts: parsed.data.PROFILE_HRMS_FACTS === 'on' };
}
