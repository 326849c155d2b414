import type { ConsumedEvent, EventShape } from '../consumer/consumed-event';
import { contextOf, inSpan, SpanKind } from '../tracing';
import type { Projection, ProjectionContext } from './projection';

/** The contract of one event type out of a union: `Of<hrms.HrmsEmployeeV1Event, 'EmployeeHired'>`. */
type Of<E extends EventShape, T extends E['type']> = Extract<E, { type: T }>;

/** One handler per event type of `E`: a type added to the contract and left unhandled fails to compile. */
export type EventHandlers<E extends EventShape> = {
  [T in E['type']]: (event: ConsumedEvent<Of<E, T>>, context: ProjectionContext) => Promise<void>;
};

/** Handlers for a run of consecutive events of one type and tenant: one statement for the whole run. */
export type RunHandlers<E extends EventShape> = {
  [T in E['type']]?: (events: ReadonlyArray<ConsumedEvent<Of<E, T>>>, context: ProjectionContext) => Promise<void>;
};

/**
 * A read model, described once. `E` is the union of the events it reads (a
 * topic's whole contract union when it claims every event of its topics, or an
 * `Extract<...>` of the ones it needs); events of its topics outside `E` pass by.
 */
export interface ReadModelSpec<E extends EventShape> {
  /** Names its consumer group (`projection.<name>`), its DLQ and its bookkeeping rows. */
  name: string;
  topics: readonly string[];
  /** Its tables, dropped on rebuild. */
  tables: readonly string[];
  /** DDL run once per tenant schema, in order; never edit a published step, append a new one. */
  migrations: ReadonlyArray<(schema: string) => string>;
  on: EventHandlers<E>;
  /**
   * Optional batch handlers for insert- or upsert-shaped events (`insert ... select
   * from unnest(...)`): a run of consecutive events of that type in one tenant is
   * applied in one statement instead of one per event. Order across types holds.
   */
  batch?: RunHandlers<E>;
}

export interface ReadModel<E extends EventShape = EventShape> extends Projection {
  readonly spec: ReadModelSpec<E>;
  /**
   * The same read model under `<name><suffix>`: a blue/green rebuild beside the
   * old tables' consumer group, or several deployments sharing one Kafka cluster.
   */
  named(suffix: string): ReadModel<E>;
}

type AnyHandler = (event: ConsumedEvent, context: ProjectionContext) => Promise<void>;
type AnyRunHandler = (events: readonly ConsumedEvent[], context: ProjectionContext) => Promise<void>;

/** Builds a read model: the typed handlers behind the projection runner's untyped `apply`. */
export function readModel<E extends EventShape>(spec: ReadModelSpec<E>): ReadModel<E> {
  // The one place the contract types meet the decoded records: the serde decoded each
  // record with its own contract's reader schema, so `data` is what `type` says it is.
  const handlers = spec.on as unknown as Partial<Record<string, AnyHandler>>;
  const runHandlers = (spec.batch ?? {}) as unknown as Partial<Record<string, AnyRunHandler>>;

  async function apply(events: readonly ConsumedEvent[], context: ProjectionContext) {
    for (const run of runsOfOneType(events)) {
      const type = run[0].type;
      const batch = runHandlers[type];
      if (batch) {
        await inSpan(
          `${spec.name} apply`,
          SpanKind.CONSUMER,
          contextOf(run[0].traceparent),
          {
            'messaging.system': 'kafka',
            'messaging.batch.message_count': String(run.length),
            'hexfleet.event_type': type,
          },
          () => batch(run, context),
        );
        continue;
      }
      const handler = handlers[type];
      if (!handler) continue; // on its topics, but not an event this read model reads
      for (const event of run) {
        await inSpan(
          `${spec.name} apply`,
          SpanKind.CONSUMER,
          contextOf(event.traceparent),
          { 'messaging.system': 'kafka', 'messaging.message.id': event.eventId, 'hexfleet.event_type': type },
          () => handler(event, context),
        );
      }
    }
  }

  return {
    spec,
    name: spec.name,
    topics: spec.topics,
    tables: spec.tables,
    migrations: spec.migrations,
    apply,
    named: (suffix) => readModel({ ...spec, name: `${spec.name}${suffix}` }),
  };
}

/** Splits events into maximal runs of consecutive events of one type, keeping their order. */
function runsOfOneType(events: readonly ConsumedEvent[]): ConsumedEvent[][] {
  const runs: ConsumedEvent[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0].type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}
