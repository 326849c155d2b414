import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Hq service is composed with: the platform's common options and its own settings. */
export interface HqOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** Schools a rollover request steps at most (a bounded request); running it again resumes. */
  rolloverSchoolsPerRun: number;
}

const schema = z.object({
  HQ_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
  HQ_ROLLOVER_SCHOOLS_PER_RUN: z.coerce.number().int().min(1).max(10_000).default(500),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function hqEnv(env: NodeJS.ProcessEnv): Omit<HqOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid hq configuration: ${problems}`);
  }
  return {
    defaultPageSize: parsed.data.HQ_DEFAULT_PAGE_SIZE,
    rolloverSchoolsPerRun: parsed.data.HQ_ROLLOVER_SCHOOLS_PER_RUN,
  };
}
