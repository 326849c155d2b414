import type { Decider, TenantId } from '@hexfleet/kernel';

/** One stream folded with its decider: the truth of one aggregate, with no projection lag. */
export interface ReadStream<E, S> {
  state: S;
  history: readonly E[];
}

/** Reads of the event store outside any transaction: what a query or a check before a command needs. */
export interface StreamReader {
  read<C, E, S>(decider: Decider<C, E, S>, tenant: TenantId, aggregate: string, id: string): Promise<ReadStream<E, S>>;
}
export const STREAM_READER = Symbol('StreamReader');
