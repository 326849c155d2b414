import { Injectable } from '@nestjs/common';
import { streamId } from '@hexfleet/eventing';
import { type Decider, fold, type TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { ReadStream, StreamReader } from '../../application/stream-reader.port';

/** The platform's event store, read one stream at a time. */
@Injectable()
export class PostgresStreamReader implements StreamReader {
  constructor(private readonly runtime: ServiceRuntime) {}

  async read<C, E, S>(
    decider: Decider<C, E, S>,
    tenant: TenantId,
    aggregate: string,
    id: string,
  ): Promise<ReadStream<E, S>> {
    const recorded = await this.runtime.store.readStream(streamId(tenant, aggregate, id));
    // The store holds what this service's deciders returned: each event is the decider's own.
    const history = recorded.map((e) => ({ type: e.type, data: e.data }) as E);
    return { state: fold(decider, history), history };
  }
}
