import { Decider, fold, TenantId } from '@hexfleet/kernel';
import { v5 as uuidv5 } from 'uuid';
import { ConcurrencyError, DuplicateEventError, EventMetadata, NewEvent } from './events';
import { FoldCache } from './fold-cache';
import { PostgresEventStore } from './postgres-event-store';
import { currentTraceparent } from '../tracing';

/** Namespace for event ids derived from command ids (UUIDv5), fixed forever. */
const EVENT_ID_NAMESPACE = '6f1c1d5e-3b8a-4f57-9a51-0c2a3f7e8b94';

/** The i-th event of a command always gets the same id, so a repeated command cannot append twice. */
export const eventIdFor = (commandId: string, index: number) => uuidv5(`${commandId}/${index}`, EVENT_ID_NAMESPACE);

export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface CommandContext {
  tenant: TenantId;
  streamId: string;
  /** Unique per command; derived from the source event id when a policy issues it. */
  commandId: string;
  metadata?: EventMetadata;
  /** Re-decide and retry on ConcurrencyError this many times; only for commands that are safe to re-decide. */
  retries?: number;
  /** Keep the stream's folded state in the process and read only newer events (ADR 0077). */
  cache?: FoldCache;
}

export type CommandOutcome =
  | { status: 'appended'; nextVersion: number; lastEventId: string; lastEventType: string; eventCount: number }
  | { status: 'already-applied'; lastEventId: string }
  | { status: 'no-change' };

/** Load the stream, fold, decide, append at the version read (with bounded retries on a race). */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: PostgresEventStore,
  decider: Decider<C, E, S>,
  command: C,
  context: CommandContext,
): Promise<CommandOutcome> {
  const cache = context.cache;
  if (!cache) return decideLoop(store, decider, command, context, () => readWhole(store, decider, context));
  return cache.exclusive(context.streamId, () =>
    decideLoop(store, decider, command, context, () => catchUp(store, decider, context, cache)),
  );
}

/** The stream as a command decides on it: its state at `version`, or the last event of the same command. */
interface Loaded<S> {
  state: S;
  version: number;
  already?: string;
}

/** The whole stream, read and folded. */
async function readWhole<C, E extends DomainEvent, S>(
  store: PostgresEventStore,
  decider: Decider<C, E, S>,
  context: CommandContext,
): Promise<Loaded<S>> {
  const history = await store.readStream(context.streamId);
  const already = history.filter((e) => e.metadata.commandId === context.commandId);
  const state = fold(
    decider,
    history.map((e) => ({ type: e.type, data: e.data }) as E),
  );
  return { state, version: history.length, already: already[already.length - 1]?.eventId };
}

/** The cached fold, with only the events after its version read and folded on (ADR 0077). */
async function catchUp<C, E extends DomainEvent, S>(
  store: PostgresEventStore,
  decider: Decider<C, E, S>,
  context: CommandContext,
  cache: FoldCache,
): Promise<Loaded<S>> {
  const entry = cache.take(context.streamId, decider);
  try {
    for (const event of await store.readStreamAfter(context.streamId, entry.version)) {
      entry.state = decider.evolve(entry.state as S, { type: event.type, data: event.data } as E);
      if (event.metadata.commandId) entry.commandIds.set(event.metadata.commandId, event.eventId);
      entry.version = event.streamVersion;
    }
  } catch (error) {
    cache.drop(context.streamId); // a fold that failed half-way leaves no state to trust
    throw error;
  }
  return { state: entry.state as S, version: entry.version, already: entry.commandIds.get(context.commandId) };
}

/** Loads, decides on the state, appends at the version loaded; loads again after a lost race (up to `retries`). */
async function decideLoop<C, E extends DomainEvent, S>(
  store: PostgresEventStore,
  decider: Decider<C, E, S>,
  command: C,
  context: CommandContext,
  load: () => Promise<Loaded<S>>,
): Promise<CommandOutcome> {
  for (let attempt = 0; ; attempt++) {
    const { state, version, already } = await load();
    if (already) return { status: 'already-applied', lastEventId: already };
    const events = decider.decide(command, state);
    if (events.length === 0) return { status: 'no-change' };
    const newEvents: NewEvent[] = events.map((event, i) => ({
      eventId: eventIdFor(context.commandId, i),
      type: event.type,
      data: event.data,
      // The trace follows the event through the relay and Kafka to every consumer.
      metadata: { traceparent: currentTraceparent(), ...context.metadata, commandId: context.commandId },
    }));
    try {
      const result = await store.append(context.streamId, context.tenant, newEvents, version);
      const lastEventType = newEvents[newEvents.length - 1].type;
      return { status: 'appended', ...result, lastEventType, eventCount: newEvents.length };
    } catch (error) {
      if (error instanceof DuplicateEventError)
        return { status: 'already-applied', lastEventId: newEvents[newEvents.length - 1].eventId };
      if (!(error instanceof ConcurrencyError) || attempt >= (context.retries ?? 0)) throw error;
    }
  }
}
