import { Module, Type } from '@nestjs/common';
import { systemClock } from '@hexfleet/eventing';
import type { ServiceDefinition } from '@hexfleet/platform';
import { hrms, identity, profile, TOPIC_CATALOG } from '@hexfleet/schemas';
import { GuardiansController } from './adapters/in/guardians.http.controller';
import { ProfilesController } from './adapters/in/profiles.http.controller';
import { profilesProjection } from './adapters/out/profiles.projection';
import { BoundPolicy } from './application/bound-policy';
import { HRMS_FACTS, HRMS_TOPICS, HrmsFactsPolicy } from './application/hrms-facts.policy';
import { IDENTITY_FACTS, IDENTITY_TOPICS, IdentityFactsPolicy } from './application/identity-facts.policy';
import { PROFILE_SETTINGS, ProfileContext } from './application/profile-context';
import type { ProfileSettings } from './application/profile-context';
import { ProfileCommands } from './application/profile.command-handler';
import { ProfileQueries } from './application/profile.query-handler';
import { profileEnv } from './profile.config';
import type { ProfileOptions } from './profile.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'invalid-date',
  'invalid-birth-date',
  'invalid-avatar-url',
  'invalid-email',
  'invalid-phone',
  'invalid-address',
  'invalid-emergency-contact',
  'label-required',
  'full-name-required',
  'invalid-language',
  'invalid-time-zone',
  'invalid-user-id',
  'relationship-required',
  'unknown-field',
  'field-not-in-product',
  'guardian-is-the-student',
  'unknown-guardian',
];

/**
 * The User Profile service: its definition for the platform and its Nest
 * module, built together because the projection's and policies' names (with a
 * test instance's suffix) and the clock are choices of one composition.
 */
export function createProfile(overrides: Partial<ProfileOptions> = {}, env: NodeJS.ProcessEnv = process.env) {
  const options: ProfileOptions = { clock: systemClock, ...profileEnv(env), ...overrides };
  const suffix = options.projectionSuffix;
  const settings: ProfileSettings = { clock: options.clock, readModel: `profile-directory${suffix}` };
  const policies = [new BoundPolicy(`${IDENTITY_FACTS}${suffix}`, IDENTITY_TOPICS, IDENTITY_FACTS)];
  if (options.hrmsFacts) policies.push(new BoundPolicy(`${HRMS_FACTS}${suffix}`, HRMS_TOPICS, HRMS_FACTS));
  const definition: ServiceDefinition = {
    name: 'profile',
    source: '/shared/profile',
    description: 'User profiles: contacts, preferences, guardian-student links and per-app fields.',
    // identity's and HRMS's contracts too: the policies decode their events.
    contracts: [...profile.contracts, ...identity.contracts, ...hrms.contracts],
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'profile'),
    projections: [profilesProjection(settings.readModel)],
    policies,
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/, 'guardian-not-linked'],
  };

  @Module({
    controllers: [ProfilesController, GuardiansController],
    providers: [
      { provide: PROFILE_SETTINGS, useValue: settings },
      ProfileContext,
      ProfileCommands,
      ProfileQueries,
      IdentityFactsPolicy,
      ...(options.hrmsFacts ? [HrmsFactsPolicy] : []),
    ],
  })
  class ProfileModule {}

  return { definition, module: ProfileModule as Type<unknown> };
}
