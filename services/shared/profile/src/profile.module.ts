import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, hrms, identity, profile, TOPIC_CATALOG } from '@hexfleet/schemas';
import { GuardiansController } from './adapters/in/guardians.http.controller';
import { ProfilesController } from './adapters/in/profiles.http.controller';
import { PostgresProfileDirectory } from './adapters/out/profile-directory/profile-directory.adapter';
import { profileDirectory } from './adapters/out/profile-directory/profile-directory.projection';
import { HrmsFactsCommandHandler } from './application/hrms-facts.command-handler';
import { hrmsFactsPolicy } from './application/hrms-facts.policy';
import { adminFactsPolicy } from './application/admin-facts.policy';
import { StudentFactsCommandHandler } from './application/student-facts.command-handler';
import { IdentityFactsCommandHandler } from './application/identity-facts.command-handler';
import { identityFactsPolicy } from './application/identity-facts.policy';
import { ProfileCommandHandler } from './application/profile.command-handler';
import { PROFILE_DIRECTORY } from './application/profile-directory.port';
import { ProfileQueryHandler } from './application/profile.query-handler';
import { PROFILE_SETTINGS } from './application/profile-settings';
import type { ProfileSettings } from './application/profile-settings';
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
 * module, built together because the read model's and policies' names (with a
 * test instance's suffix) and the clock are choices of one composition.
 */
export function createProfile(
  overrides: Partial<ProfileOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: ProfileOptions = { ...commonOptions('profile', env), ...profileEnv(env), ...overrides };
  const { clock, ids, projectionSuffix: suffix, hrmsFacts, adminFacts } = options;
  const readModels = named({ profiles: profileDirectory }, suffix);
  const settings: ProfileSettings = { readModels: { profiles: readModels.profiles.name } };
  // The policies are listed before Nest builds the handlers they call: the module hands
  // them over as Nest builds it, before the runtime starts consuming (at bootstrap).
  const identityFacts = new Later<IdentityFactsCommandHandler>('IdentityFactsCommandHandler');
  const placements = new Later<HrmsFactsCommandHandler>('HrmsFactsCommandHandler');
  const students = new Later<StudentFactsCommandHandler>('StudentFactsCommandHandler');
  const policies = [identityFactsPolicy(identityFacts, students, suffix)];
  if (hrmsFacts) policies.push(hrmsFactsPolicy(placements, suffix));
  if (adminFacts) policies.push(adminFactsPolicy(students, suffix));
  const definition: ServiceDefinition = {
    name: 'profile',
    source: '/shared/profile',
    description: 'User profiles: contacts, preferences, guardian-student links and per-app fields.',
    // identity's, HRMS's and Admin's contracts too: the policies decode their events.
    contracts: [...profile.contracts, ...identity.contracts, ...hrms.contracts, ...admin.contracts],
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'profile'),
    projections: Object.values(readModels),
    policies,
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/, 'guardian-not-linked'],
    clock,
    ids,
  };

  @Module({
    controllers: [ProfilesController, GuardiansController],
    providers: [
      { provide: PROFILE_SETTINGS, useValue: settings },
      { provide: PROFILE_DIRECTORY, useClass: PostgresProfileDirectory },
      ProfileCommandHandler,
      ProfileQueryHandler,
      IdentityFactsCommandHandler,
      HrmsFactsCommandHandler,
      StudentFactsCommandHandler,
    ],
  })
  class ProfileModule {
    constructor(
      profiles: IdentityFactsCommandHandler,
      hrms: HrmsFactsCommandHandler,
      school: StudentFactsCommandHandler,
    ) {
      identityFacts.set(profiles);
      placements.set(hrms);
      students.set(school);
    }
  }

  return { definition, module: ProfileModule };
}
