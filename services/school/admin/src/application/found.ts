import { DomainError } from '@hexfleet/kernel';

/** The state of a stream that must exist, or `<what>-not-found` (404). */
export function found<S extends { status: string }>(state: S, what: string): Exclude<S, { status: 'none' }> {
  if (state.status === 'none') throw new DomainError(`${what}-not-found`);
  return state as Exclude<S, { status: 'none' }>;
}
