import { BadRequestException, Injectable } from '@nestjs/common';
import {
  belongsTo,
  commandIdFor,
  CommandOutcome,
  ConsistencyToken,
  MAX_TOKENS,
  DomainEvent,
  currentTraceparent,
  handleCommand,
  streamId,
  uuidV7Ids,
  waitForConsistency,
} from '@hexfleet/eventing';
import type { ConsumedEventMeta, FoldCache } from '@hexfleet/eventing';
import { type Decider, TenantId } from '@hexfleet/kernel';
import { v5 as uuidv5 } from 'uuid';
import { Principal, requestContext } from './context';
import { ServiceRuntime } from './runtime';
import { runStreamTransaction, StreamTransaction, TransactionOutcome } from './transaction';

const IDEMPOTENCY_NAMESPACE = '0e3b6a8c-5d2f-4c1e-8a7b-9f4d3c2b1a60';

/**
 * The command id of a request sent with `Idempotency-Key: key` by `userId` of `tenant`:
 * its events carry it (`metadata.commandId`), so anyone holding the key can find them.
 */
export function idempotentCommandId(tenant: string, userId: string, key: string): string {
  return uuidv5(`${tenant}/${userId}/${key}`, IDEMPOTENCY_NAMESPACE);
}

export interface CommandRequest<C> {
  caller: Principal;
  /** Kebab-case aggregate type: the stream is `<tenant>/<aggregate>/<id>`. */
  aggregate: string;
  id: string;
  command: C;
  /** Re-decide on a lost race this many times: only for commands that are safe to re-decide. */
  retries?: number;
  /** Keep the stream's fold in the process (long streams: a command then reads only newer events; ADR 0077). */
  cache?: FoldCache;
}

/**
 * The write path of an HTTP command: the caller's tenant picks the stream, the
 * `Idempotency-Key` header (when sent) makes a retry apply once, the metadata
 * carries correlation, causation and trace, and the response gets a consistency
 * token a later query can wait for.
 */
@Injectable()
export class Commands {
  constructor(private readonly runtime: ServiceRuntime) {}

  async handle<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    request: CommandRequest<C>,
  ): Promise<CommandOutcome> {
    const stream = streamId(request.caller.tenant, request.aggregate, request.id);
    const outcome = await handleCommand(this.runtime.store, decider, request.command, {
      tenant: request.caller.tenant,
      streamId: stream,
      commandId: this.commandId(request.caller),
      retries: request.retries,
      cache: request.cache,
      metadata: this.metadata(request.caller),
    });
    const context = requestContext();
    if (context && outcome.status === 'appended') {
      context.consistencyToken = ConsistencyToken.forAppend(
        stream,
        outcome,
        this.runtime.topicOf(outcome.lastEventType),
      );
    }
    return outcome;
  }

  /**
   * A command over several streams, committed together (see runStreamTransaction).
   * The response's consistency token is a list, one per stream written: a query
   * waits for those its read model is fed by (ADR 0030).
   */
  async transact<T>(
    caller: Principal,
    work: (tx: StreamTransaction) => Promise<T>,
    { retries = 0 }: { retries?: number } = {},
  ): Promise<TransactionOutcome<T>> {
    const outcome = await runStreamTransaction(
      this.runtime.store,
      caller.tenant,
      this.commandId(caller),
      this.metadata(caller),
      work,
      retries,
    );
    const context = requestContext();
    if (context && outcome.status === 'appended' && outcome.written.length) {
      context.consistencyToken = ConsistencyToken.encodeList(
        outcome.written.map(({ point, lastEventType }) => ({ ...point, topic: this.runtime.topicOf(lastEventType) })),
      );
    }
    return outcome;
  }

  /**
   * A policy's command over several streams, in the event's tenant, committed together
   * (as `transact`). The command id derives from the event (`commandIdFor`), so a
   * redelivered event appends nothing; what it appends names the event as its cause.
   */
  react<T>(
    policy: { name: string },
    event: ConsumedEventMeta,
    work: (tx: StreamTransaction) => Promise<T>,
    { retries = 0 }: { retries?: number } = {},
  ): Promise<TransactionOutcome<T>> {
    const metadata = { causationId: event.eventId, correlationId: event.correlationId, traceparent: event.traceparent };
    const tenant = TenantId.parse(event.tenant);
    return runStreamTransaction(this.runtime.store, tenant, commandIdFor(policy, event), metadata, work, retries);
  }

  /**
   * A command the service issues itself (a scheduled job), over several streams,
   * committed together (as `transact`). Its command id derives from what it is
   * about, so it acts once however often the job runs.
   */
  issue<T>(
    tenant: TenantId,
    commandId: string,
    work: (tx: StreamTransaction) => Promise<T>,
    { retries = 0 }: { retries?: number } = {},
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

  /** From `Idempotency-Key` when the caller sent one, so a retried request is applied once. */
  private commandId({ tenant, userId }: Principal): string {
    const key = requestContext()?.idempotencyKey;
    return key ? idempotentCommandId(tenant, userId, key) : (this.runtime.definition.ids ?? uuidV7Ids).next();
  }

  private metadata({ userId }: Principal) {
    const context = requestContext();
    return { userId, traceparent: currentTraceparent(), ...(context ? { correlationId: context.correlationId } : {}) };
  }
}

/** The read side's half of read-your-writes. */
@Injectable()
export class Consistency {
  constructor(private readonly runtime: ServiceRuntime) {}

  /**
   * When the request sent `X-Consistency-Token` (one token, or a list of them),
   * waits (bounded) until `projection` has applied every write they name on the
   * topics it reads; the response says `X-Consistency: fresh` or `stale`. Without
   * a token it returns at once.
   */
  async await(projection: string, caller: Principal, timeoutMs = 3000): Promise<void> {
    const context = requestContext();
    if (!context?.readAfter) return;
    const points = ConsistencyToken.decodeList(context.readAfter);
    if (!points || !points.every((point) => belongsTo(point, caller.tenant))) {
      throw new BadRequestException(
        `X-Consistency-Token must be one or more (at most ${MAX_TOKENS}, comma separated) tokens this tenant was given`,
      );
    }
    context.freshness = await waitForConsistency(this.runtime.pool, projection, caller.tenant, points, {
      timeoutMs,
      topics: this.runtime.projectionTopics(projection),
    });
  }
}
