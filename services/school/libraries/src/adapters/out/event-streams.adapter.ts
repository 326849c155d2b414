import { Injectable } from '@nestjs/common';
import { currentTraceparent, streamId } from '@hexfleet/eventing';
import type { DomainEvent } from '@hexfleet/eventing';
import { fold } from '@hexfleet/kernel';
import type { Decider, TenantId } from '@hexfleet/kernel';
import { runStreamTransaction, ServiceRuntime } from '@hexfleet/platform';
import type { LoadedStream, StreamTransaction, TransactionOutcome } from '@hexfleet/platform';
import type { EventStreams } from '../../application/event-streams.port';

/** The service's own event store (Postgres, schema `eventstore`). */
@Injectable()
export class PostgresEventStreams implements EventStreams {
  constructor(private readonly runtime: ServiceRuntime) {}

  async load<C, E extends DomainEvent, S>(
    tenant: TenantId,
    decider: Decider<C, E, S>,
    aggregate: string,
    id: string,
  ): Promise<LoadedStream<E, S>> {
    const stream = streamId(tenant, aggregate, id);
    const recorded = await this.runtime.store.readStream(stream);
    // A stream holds only what its decider decided: its events are the decider's, as when a command loads it.
    const history = recorded.map(({ type, data }) => ({ type, data }) as E);
    return { streamId: stream, version: recorded.length, history, state: fold(decider, history) };
  }

  transact<T>(
    tenant: TenantId,
    commandId: string,
    work: (tx: StreamTransaction) => Promise<T>,
    retries: number,
  ): Promise<TransactionOutcome<T>> {
    return runStreamTransaction(
      this.runtime.store,
      tenant,
      commandId,
      { traceparent: currentTraceparent() },
      work,
      retries,
    );
  }
}
