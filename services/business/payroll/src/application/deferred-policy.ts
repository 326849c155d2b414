import type { ConsumedEvent, Policy } from '@hexfleet/eventing';

/**
 * A policy the service definition lists before Nest exists. The typed policy
 * that reacts (`policy<E>`, built from Nest providers) is bound to it at module
 * init, and the runtime starts its runners only at application bootstrap, after
 * every module is initialised, so no event arrives before the binding.
 */
export interface DeferredPolicy extends Policy {
  bind(policy: Policy): void;
}

export function deferredPolicy(name: string, topics: readonly string[]): DeferredPolicy {
  let bound: Policy | undefined;
  return {
    name,
    topics,
    react(event: ConsumedEvent) {
      // Not a DomainError: the runner retries, then dead-letters, so nothing is lost.
      if (!bound) throw new Error(`policy ${name} has no reaction bound`);
      return bound.react(event);
    },
    bind(policy) {
      // Its name is in every command id it derives: the bound policy must be this one.
      if (policy.name !== name || policy.topics.join() !== topics.join())
        throw new Error(`policy ${policy.name} cannot stand in for ${name}`);
      bound = policy;
    },
  };
}
