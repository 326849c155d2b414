import { Injectable } from '@nestjs/common';
import { streamId } from '@hexfleet/eventing';
import type { DomainEvent } from '@hexfleet/eventing';
import { fold } from '@hexfleet/kernel';
import type { Decider, TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from './runtime';
import type { LoadedStream } from './transaction';

/**
 * Reads one stream of the service's event store folded with its decider,
 * outside any command: the truth of one aggregate with no projection lag, for a
 * query or a check a rule must not base on how far a read model has got.
 */
@Injectable()
export class Streams {
  constructor(private readonly runtime: ServiceRuntime) {}

  /** The stream's history and state (the decider's initial state for a stream never written). */
  async load<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    tenant: TenantId,
    aggregate: string,
    id: string,
  ): Promise<LoadedStream<E, S>> {
    const stream = streamId(tenant, aggregate, id);
    const recorded = await this.runtime.store.readStream(stream);
    // A stream holds only what its decider decided (as when a command loads it): its events are the decider's.
    const history = recorded.map(({ type, data }) => ({ type, data }) as E);
    return { streamId: stream, version: recorded.length, history, state: fold(decider, history) };
  }
}
