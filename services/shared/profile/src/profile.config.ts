import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Profile service needs beyond the platform's variables and the options of every service. */
export interface ProfileEnv {
  /**
   * Whether to pre-fill department and designation from HRMS. Off for a
   * deployment without HRMS (the school ERP alone), whose Kafka never gets
   * `hrms.employee.v1`: the policy would wait for that topic forever.
   */
  hrmsFacts: boolean;
  /** Whether to take a student's admission number from Admin (admin.student.v1, ADR 0047). */
  adminFacts: boolean;
}

export interface ProfileOptions extends CommonOptions, ProfileEnv {}

const schema = z.object({
  PROFILE_HRMS_FACTS: z.enum(['on', 'off']).default('on'),
  PROFILE_ADMIN_FACTS: z.enum(['on', 'off']).default('on'),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function profileEnv(env: NodeJS.ProcessEnv): ProfileEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Profile configuration: ${problems}`);
  }
  return {
    hrmsFacts: parsed.data.PROFILE_HRMS_FACTS === 'on',
    adminFacts: parsed.data.PROFILE_ADMIN_FACTS === 'on',
  };
}
