import type { TenantId } from '@hexfleet/kernel';

/** What travels with every event besides its data: who caused it, and the trace it belongs to. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  userId?: string;
  [key: string]: string | undefined;
}

/** An event about to be appended. `eventId` is chosen by the caller (UUIDv7), so a retry cannot duplicate it. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/** An event as the store recorded it. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  globalPosition: bigint;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  tenant: TenantId;
  recordedAt: Date;
}

/** Stream ids are `<tenant>/<aggregate>/<id>`: the tenant is part of every stream's identity. */
export function streamId(tenant: TenantId, aggregate: string, id: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(aggregate)) throw new Error(`aggregate type must be kebab-case, got "${aggregate}"`);
  if (!id || id.includes('/')) throw new Error(`aggregate id must be non-empty and contain no "/", got "${id}"`);
  return `${tenant}/${aggregate}/${id}`;
}

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}`);
  }
}

/** An event id that is already stored: the command that made it was applied before. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';
  constructor(readonly streamId: string) {
    super(`an event appended to ${streamId} is already stored (the command was applied before)`);
  }
}
