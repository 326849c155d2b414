import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { identity } from '@hexfleet/schemas';
import type { IdentityFactsCommandHandler } from './identity-facts.command-handler';

/** The account events a profile follows; email verified, roles, passwords: nothing a profile keeps. */
export type IdentityFacts = Extract<
  identity.IdentityUserV1Event,
  { type: 'UserRegistered' | 'UserDeactivated' | 'UserReactivated' }
>;

/**
 * identity.user.v1 -> profiles: created on registration, archived and restored
 * with the account. The service definition lists the policy before Nest builds
 * the handler, so `profiles` hands it over later (the composition root's module,
 * before the runtime starts consuming).
 */
export function identityFactsPolicy(profiles: () => IdentityFactsCommandHandler, suffix = ''): Policy {
  const name = `profile-identity-facts${suffix}`;
  return policy<IdentityFacts>({
    name,
    topics: ['identity.user.v1'],
    on: {
      UserRegistered: (event) => profiles().create({ name }, event),
      UserDeactivated: (event) => profiles().archive({ name }, event),
      UserReactivated: (event) => profiles().restore({ name }, event),
    },
  });
}
