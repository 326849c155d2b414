import {
  ConcurrencyError,
  type ConsistencyPoint,
  DomainEvent,
  DuplicateEventError,
  eventIdFor,
  EventMetadata,
  PostgresEventStore,
  streamId,
} from '@hexfleet/eventing';
import { Decider, fold, TenantId } from '@hexfleet/kernel';

export interface LoadedStream<E, S> {
  streamId: string;
  /** The version read: the append expects it, so a concurrent writer makes the transaction fail. */
  version: number;
  state: S;
  history: readonly E[];
}

/** What a multi-stream command sees: loads first, then the appends it wants, all committed together. */
export interface StreamTransaction {
  load<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    aggregate: string,
    id: string,
  ): Promise<LoadedStream<E, S>>;
  /** Queues events for a loaded stream; nothing is written until the work returns. */
  append<E extends DomainEvent>(stream: LoadedStream<E, unknown>, events: readonly E[]): void;
}

/** A stream a transaction appended to: where its last event sits, and that event's type. */
export interface StreamWritten {
  point: ConsistencyPoint;
  lastEventType: string;
}

export type TransactionOutcome<T> =
  { status: 'appended'; result: T; written: StreamWritten[] } | { status: 'already-applied'; result: T };

/**
 * A command that must change several streams at once (a checkout lends the
 * copy and opens the loan): `work` loads every stream it needs, decides, and
 * queues its appends; they are then written in one transaction, each at the
 * version it was read. Every read comes before the transaction's first write,
 * so the relay's per-stream order holds (ADR 0005). A lost race re-runs
 * `work` from fresh reads, up to `retries` times, then throws ConcurrencyError.
 * Event ids derive from the command id and stream, so a repeated command
 * appends nothing.
 */
export async function runStreamTransaction<T>(
  store: PostgresEventStore,
  tenant: TenantId,
  commandId: string,
  metadata: EventMetadata,
  work: (tx: StreamTransaction) => Promise<T>,
  retries = 0,
): Promise<TransactionOutcome<T>> {
  for (let attempt = 0; ; attempt++) {
    const pending: Array<{ stream: LoadedStream<DomainEvent, unknown>; events: readonly DomainEvent[] }> = [];
    let alreadyApplied = false;
    const result = await work({
      async load(decider, aggregate, id) {
        const stream = streamId(tenant, aggregate, id);
        const all = await store.readStream(stream);
        // A repeated command decides again on the state it first saw, so it returns what it
        // returned then instead of meeting its own effects (a copy it already lent).
        const first = all.findIndex((e) => e.metadata.commandId === commandId);
        if (first >= 0) alreadyApplied = true;
        const recorded = first >= 0 ? all.slice(0, first) : all;
        const history = recorded.map((e) => ({ type: e.type, data: e.data }) as never);
        return { streamId: stream, version: recorded.length, history, state: fold(decider, history) };
      },
      append(stream, events) {
        if (events.length) pending.push({ stream, events });
      },
    });
    if (alreadyApplied) return { status: 'already-applied', result };
    if (pending.length === 0) return { status: 'appended', result, written: [] };

    try {
      const appends = pending.map(({ stream, events }) => ({
        streamId: stream.streamId,
        tenant,
        expectedVersion: stream.version,
        events: events.map((event, i) => ({
          eventId: eventIdFor(`${commandId}/${stream.streamId}`, i),
          type: event.type,
          data: event.data,
          metadata: { ...metadata, commandId },
        })),
      }));
      const results = await store.appendAll(appends);
      const written = appends.map(({ streamId: stream, events }, i) => ({
        point: { eventId: results[i].lastEventId, streamKey: stream, version: results[i].nextVersion },
        lastEventType: events[events.length - 1].type,
      }));
      return { status: 'appended', result, written };
    } catch (error) {
      if (error instanceof DuplicateEventError) return { status: 'already-applied', result };
      if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
    }
  }
}
