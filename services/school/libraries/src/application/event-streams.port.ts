import type { DomainEvent } from '@hexfleet/eventing';
import type { Decider, TenantId } from '@hexfleet/kernel';
import type { LoadedStream, StreamTransaction, TransactionOutcome } from '@hexfleet/platform';

/**
 * The event store, for what the platform's `Commands` (a caller's command) does
 * not cover: reading a stream as its decider folds it, when a rule must not
 * depend on how far a read model has got; and a command the service issues
 * itself (a scheduled job), under a command id derived from what it is about,
 * so that it acts once however often it runs.
 */
export interface EventStreams {
  /** The stream's history and state (the decider's initial state for a stream never written). */
  load<C, E extends DomainEvent, S>(
    tenant: TenantId,
    decider: Decider<C, E, S>,
    aggregate: string,
    id: string,
  ): Promise<LoadedStream<E, S>>;
  /** Loads, decides and appends in one transaction (`Commands.transact`, without a caller). */
  transact<T>(
    tenant: TenantId,
    commandId: string,
    work: (tx: StreamTransaction) => Promise<T>,
    retries: number,
  ): Promise<TransactionOutcome<T>>;
}

export const EVENT_STREAMS = Symbol('EventStreams');
