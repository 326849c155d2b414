import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Admin service is composed with: the platform's common options and its own settings. */
export interface AdminOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** The largest CSV an import accepts, in bytes. */
  importMaxBytes: number;
}

const schema = z.object({
  ADMIN_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
  ADMIN_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(256 * 1024 * 1024)
    .default(16 * 1024 * 1024),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function adminEnv(env: NodeJS.ProcessEnv): Omit<AdminOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid admin configuration: ${problems}`);
  }
  return { defaultPageSize: parsed.data.ADMIN_DEFAULT_PAGE_SIZE, importMaxBytes: parsed.data.ADMIN_IMPORT_MAX_BYTES };
}
