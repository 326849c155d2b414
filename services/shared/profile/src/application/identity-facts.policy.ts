import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { identity } from '@hexfleet/schemas';
import type { IdentityFactsCommandHandler } from './identity-facts.command-handler';
import type { StudentFactsCommandHandler } from './student-facts.command-handler';

/** The account events a profile follows; email verified, roles, passwords: nothing a profile keeps. */
export type IdentityFacts = Extract<
  identity.IdentityUserV1Event,
  { type: 'UserRegistered' | 'UserDeactivated' | 'UserReactivated' | 'GuardianshipRecorded' }
>;

/**
 * identity.user.v1 -> profiles: created on registration, archived and restored
 * with the account; a guardianship links the guardian on the student's profile
 * (through the student's link stream, ADR 0047). The service definition lists the policy before Nest builds
 * the handler, so `profiles` hands it over later (the composition root's module,
 * before the runtime starts consuming).
 */
export function identityFactsPolicy(
  profiles: Later<IdentityFactsCommandHandler>,
  students: Later<StudentFactsCommandHandler>,
  suffix = '',
): Policy {
  const name = `profile-identity-facts${suffix}`;
  return policy<IdentityFacts>({
    name,
    topics: ['identity.user.v1'],
    on: {
      UserRegistered: (event) => profiles.get().create({ name }, event),
      UserDeactivated: (event) => profiles.get().archive({ name }, event),
      UserReactivated: (event) => profiles.get().restore({ name }, event),
      GuardianshipRecorded: (event) => {
        const { userId: guardianUserId, studentId, relationship, primary } = event.data;
        const data = { studentId, guardianUserId, relationship, primary };
        return students.get().note({ name }, event, { type: 'NoteGuardian', data });
      },
    },
  });
}
