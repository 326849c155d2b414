import type { ConsumedEvent, Policy } from '@hexfleet/eventing';

/**
 * A policy the service definition can list before Nest exists: its reaction
 * is bound at module init by a provider that holds the runtime (store, pool),
 * and the runtime starts its runners only after every module is initialised
 * (onApplicationBootstrap), so no event arrives before the binding.
 */
export interface DeferredPolicy extends Policy {
  bind(react: (event: ConsumedEvent) => Promise<void>): void;
}

export function deferredPolicy(name: string, topics: readonly string[]): DeferredPolicy {
  let reaction: ((event: ConsumedEvent) => Promise<void>) | undefined;
  return {
    name,
    topics,
    react(event) {
      // Not a DomainError: the runner retries, then dead-letters, so nothing is lost.
      if (!reaction) throw new Error(`policy ${name} has no reaction bound`);
      return reaction(event);
    },
    bind(react) {
      reaction = react;
    },
  };
}

export const isDeferred = (policy: Policy): policy is DeferredPolicy => 'bind' in policy;
