import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Notifications service is composed with: the platform's common options and its own settings. */
export interface NotificationsOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
}

const schema = z.object({
  NOTIFICATIONS_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function notificationsEnv(env: NodeJS.ProcessEnv): Omit<NotificationsOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid notifications configuration: ${problems}`);
  }
  return { defaultPageSize: parsed.data.NOTIFICATIONS_DEFAULT_PAGE_SIZE };
}
