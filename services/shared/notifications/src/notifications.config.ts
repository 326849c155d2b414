import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';
import type { RetryPolicy } from './domain/delivery.decider';

/** What the Notifications service is composed with: the platform's common options and its own settings. */
export interface NotificationsOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** Where mail goes: `smtp://host:port` (Mailpit in development). */
  smtpUrl: string;
  /** The From of every mail. */
  mailFrom: string;
  dispatchIntervalMs: number;
  leaseMs: number;
  retry: RetryPolicy;
}

const schema = z.object({
  NOTIFICATIONS_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL')
    .default('smtp://127.0.0.1:1025'),
  NOTIFICATIONS_MAIL_FROM: z.string().min(3).default('Hexfleet <notifications@hexfleet.local>'),
  NOTIFICATIONS_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).default(500),
  NOTIFICATIONS_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  NOTIFICATIONS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFICATIONS_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
  NOTIFICATIONS_RETRY_MAX_MS: z.coerce.number().int().min(1).default(600_000),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function notificationsEnv(env: NodeJS.ProcessEnv): Omit<NotificationsOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid notifications configuration: ${problems}`);
  }
  const d = parsed.data;
  return {
    defaultPageSize: d.NOTIFICATIONS_DEFAULT_PAGE_SIZE,
    smtpUrl: d.SMTP_URL,
    mailFrom: d.NOTIFICATIONS_MAIL_FROM,
    dispatchIntervalMs: d.NOTIFICATIONS_DISPATCH_INTERVAL_MS,
    leaseMs: d.NOTIFICATIONS_LEASE_MS,
    retry: {
      maxAttempts: d.NOTIFICATIONS_MAX_ATTEMPTS,
      baseDelayMs: d.NOTIFICATIONS_RETRY_BASE_MS,
      maxDelayMs: d.NOTIFICATIONS_RETRY_MAX_MS,
    },
  };
}
