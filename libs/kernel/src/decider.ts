/**
 * An aggregate as pure functions over plain data (the Decider pattern):
 * `decide` turns a command into events or throws a DomainError; `evolve`
 * folds one event into the state. No I/O, no clock, no randomness: time and
 * ids arrive inside the command.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** The state after `events`, starting from the decider's initial state. */
export function fold<C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState);
}

/** Called in the `default` branch of an exhaustive switch: a new case that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
