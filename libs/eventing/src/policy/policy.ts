import type { ConsumedEvent, EventShape } from '../consumer/consumed-event';
import type { Policy, Reacting } from './policy-runner';

type Of<E extends EventShape, T extends E['type']> = Extract<E, { type: T }>;

/** One reaction per event type of `E`: a type added to the contract and left unhandled fails to compile. */
export type Reactions<E extends EventShape> = {
  [T in E['type']]: (event: ConsumedEvent<Of<E, T>>, reacting: Reacting) => Promise<void>;
};

export interface PolicySpec<E extends EventShape> {
  /** Names its consumer group, `policy.<name>`, and its DLQ. */
  name: string;
  topics: readonly string[];
  /**
   * The events it reacts to (`E`, all of a topic's union or an `Extract` of it), each
   * with the command it issues under `commandIdFor(policy, event)`; the others pass by.
   */
  on: Reactions<E>;
}

/** Builds a policy whose reactions are typed by the contracts of the events they handle. */
export function policy<E extends EventShape>(spec: PolicySpec<E>): Policy {
  // As in readModel: the serde decoded each record with its own contract, so `data` is what `type` says.
  const reactions = spec.on as unknown as Partial<
    Record<string, (event: ConsumedEvent, reacting: Reacting) => Promise<void>>
  >;
  return {
    name: spec.name,
    topics: spec.topics,
    react: async (event, reacting) => {
      await reactions[event.type]?.(event, reacting);
    },
  };
}
