import type { RetryPolicy } from '../domain/delivery.decider';

/** The DI token of the service's settings, chosen once by its composition root. */
export const NOTIFICATIONS_SETTINGS = Symbol('NotificationsSettings');

export interface NotificationsSettings {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** How often the dispatcher looks for due deliveries; 0 leaves it to whoever calls `pass()` (tests). */
  dispatchIntervalMs: number;
  /** How long a claimed delivery is held before another dispatcher may take it (a crashed one's). */
  leaseMs: number;
  retry: RetryPolicy;
  /** The wall clock of deliveries' attempts and backoff (the service clock is the domain's). */
  now: () => Date;
  /** Each read model's running name (with the deployment's suffix). */
  readModels: { deliveries: string; directory: string };
}
