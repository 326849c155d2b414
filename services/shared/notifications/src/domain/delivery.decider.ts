import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';

/**
 * One delivery: a notice to one recipient on one channel, recorded once per (event,
 * recipient, channel) with the consumer's checkpoint (docs/adr/0078). This decider is its
 * life after that: each attempt's outcome, the backoff, parking, an admin's retry. Its
 * state is the delivery row; its events are how the row changes (the dispatcher applies them).
 */
export type DeliveryStatus = 'pending' | 'sent' | 'parked' | 'skipped';

export interface DeliveryState {
  status: DeliveryStatus;
  attempts: number;
}

export interface RetryPolicy {
  /** Attempts before a delivery is parked. */
  maxAttempts: number;
  /** The wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

export type DeliveryCommand =
  | { type: 'RecordSent'; now: string }
  | { type: 'RecordFailure'; now: string; error: string; permanent: boolean }
  | { type: 'RecordSkipped'; now: string; reason: string }
  | { type: 'Retry'; now: string };

export type DeliveryEvent =
  | { type: 'DeliverySent'; attempts: number; sentAt: string }
  | { type: 'DeliveryFailed'; attempts: number; error: string; retryAt: string }
  | { type: 'DeliveryParked'; attempts: number; error: string; parkedAt: string }
  | { type: 'DeliverySkipped'; reason: string; skippedAt: string }
  | { type: 'DeliveryRequeued'; requeuedAt: string };

/** The wait after the `attempts`-th failure: base x 2^(attempts-1), capped. */
export const backoffMs = (policy: RetryPolicy, attempts: number) =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));

function assertOpen(state: DeliveryState) {
  if (state.status === 'sent') throw new DomainError('delivery-already-sent');
  if (state.status === 'skipped') throw new DomainError('delivery-skipped');
  if (state.status === 'parked') throw new DomainError('delivery-parked');
}

export function deliveryDecider(policy: RetryPolicy): Decider<DeliveryCommand, DeliveryEvent, DeliveryState> {
  return {
    initialState: { status: 'pending', attempts: 0 },
    decide(command, state) {
      switch (command.type) {
        case 'RecordSent':
          assertOpen(state);
          return [{ type: 'DeliverySent', attempts: state.attempts + 1, sentAt: command.now }];
        case 'RecordFailure': {
          assertOpen(state);
          const attempts = state.attempts + 1;
          if (command.permanent || attempts >= policy.maxAttempts)
            return [{ type: 'DeliveryParked', attempts, error: command.error, parkedAt: command.now }];
          const retryAt = new Date(Date.parse(command.now) + backoffMs(policy, attempts)).toISOString();
          return [{ type: 'DeliveryFailed', attempts, error: command.error, retryAt }];
        }
        case 'RecordSkipped':
          assertOpen(state);
          return [{ type: 'DeliverySkipped', reason: command.reason, skippedAt: command.now }];
        case 'Retry':
          if (state.status !== 'parked') throw new DomainError('delivery-not-parked', { status: state.status });
          return [{ type: 'DeliveryRequeued', requeuedAt: command.now }];
        default:
          return assertNever(command);
      }
    },
    evolve(state, event) {
      switch (event.type) {
        case 'DeliverySent':
          return { status: 'sent', attempts: event.attempts };
        case 'DeliveryFailed':
          return { status: 'pending', attempts: event.attempts };
        case 'DeliveryParked':
          return { status: 'parked', attempts: event.attempts };
        case 'DeliverySkipped':
          return { ...state, status: 'skipped' };
        case 'DeliveryRequeued':
          // A retry starts a fresh round of attempts.
          return { status: 'pending', attempts: 0 };
        default:
          return assertNever(event);
      }
    },
  };
}
