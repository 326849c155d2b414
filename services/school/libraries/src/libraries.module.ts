import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, hq, identity, libraries, TOPIC_CATALOG } from '@hexfleet/schemas';
import { CatalogueController } from './adapters/in/catalogue.http.controller';
import { CopiesController } from './adapters/in/copies.http.controller';
import { HoldsController } from './adapters/in/holds.http.controller';
import { LoansController } from './adapters/in/loans.http.controller';
import { PatronsController } from './adapters/in/patrons.http.controller';
import { PostgresCatalogue } from './adapters/out/catalogue/catalogue.adapter';
import { catalogue } from './adapters/out/catalogue/catalogue.projection';
import { PostgresCirculation } from './adapters/out/circulation/circulation.adapter';
import { circulation } from './adapters/out/circulation/circulation.projection';
import { PostgresTenants } from './adapters/out/tenants.adapter';
import { CatalogueCommandHandler } from './application/catalogue.command-handler';
import { CATALOGUE } from './application/catalogue.port';
import { CatalogueQueryHandler } from './application/catalogue.query-handler';
import { CheckoutCommandHandler } from './application/checkout.command-handler';
import { CIRCULATION } from './application/circulation.port';
import { CirculationQueryHandler } from './application/circulation.query-handler';
import { CopiesCommandHandler } from './application/copies.command-handler';
import { FinesCommandHandler } from './application/fines.command-handler';
import { HoldExpiryJob } from './application/hold-expiry.job';
import { HoldsCommandHandler } from './application/holds.command-handler';
import { LIBRARIES_SETTINGS } from './application/libraries-settings';
import { LoanDefaultsCommandHandler } from './application/loan-defaults.command-handler';
import type { LibrariesSettings } from './application/libraries-settings';
import { OverdueJob } from './application/overdue.job';
import { PatronAccess } from './application/patron-access';
import { PatronsCommandHandler } from './application/patrons.command-handler';
import { ReturnRenewCommandHandler } from './application/return-renew.command-handler';
import { SchoolPatronsCommandHandler } from './application/school-patrons.command-handler';
import { schoolStructurePolicies } from './application/school-structure.policy';
import { TENANTS } from './application/tenants.port';
import { librariesEnv } from './libraries.config';
import type { LibrariesOptions } from './libraries.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'invalid-date',
  'invalid-isbn',
  'invalid-amount',
  'invalid-currency',
  'invalid-loan-rule',
  'default-rule-required',
  'title-required',
  'item-type-required',
  'barcode-required',
  'category-required',
  'name-required',
  'reason-required',
  'invalid-pickup-days',
  'currency-mismatch',
];

/**
 * The Libraries service: its definition for the platform and its Nest module,
 * built together because the read models' names (which the queries wait on),
 * the clock and the id generator are choices of one composition.
 */
export function createLibraries(
  overrides: Partial<LibrariesOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: LibrariesOptions = { ...commonOptions('libraries', env), ...librariesEnv(env), ...overrides };
  const { clock, ids, projectionSuffix, ...own } = options;
  const readModels = named({ catalogue, circulation }, projectionSuffix);
  // The policies are listed before Nest builds the handlers they call: the module hands them over.
  const handlers = {
    patrons: new Later<SchoolPatronsCommandHandler>('SchoolPatronsCommandHandler'),
    defaults: new Later<LoanDefaultsCommandHandler>('LoanDefaultsCommandHandler'),
  };
  const settings: LibrariesSettings = {
    ...own,
    readModels: { catalogue: readModels.catalogue.name, circulation: readModels.circulation.name },
  };
  const definition: ServiceDefinition = {
    name: 'libraries',
    source: '/school/libraries',
    description: 'School libraries: catalogue, copies, patrons, loans, holds and fines.',
    // Admin's, HQ's and identity's contracts too: the policies decode the events they react to.
    contracts: [...libraries.contracts, ...admin.contracts, ...hq.contracts, ...identity.contracts],
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'libraries'),
    clock,
    ids,
    projections: Object.values(readModels),
    policies: schoolStructurePolicies(handlers, projectionSuffix),
    unprocessable: UNPROCESSABLE,
    // A patron, copy, title or loan of another tenant looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [CatalogueController, CopiesController, HoldsController, LoansController, PatronsController],
    providers: [
      { provide: LIBRARIES_SETTINGS, useValue: settings },
      { provide: CATALOGUE, useClass: PostgresCatalogue },
      { provide: CIRCULATION, useClass: PostgresCirculation },
      { provide: TENANTS, useClass: PostgresTenants },
      PatronAccess,
      CatalogueCommandHandler,
      CatalogueQueryHandler,
      CheckoutCommandHandler,
      ReturnRenewCommandHandler,
      HoldsCommandHandler,
      FinesCommandHandler,
      CopiesCommandHandler,
      PatronsCommandHandler,
      SchoolPatronsCommandHandler,
      LoanDefaultsCommandHandler,
      CirculationQueryHandler,
      OverdueJob,
      HoldExpiryJob,
    ],
  })
  class LibrariesModule {
    constructor(patrons: SchoolPatronsCommandHandler, defaults: LoanDefaultsCommandHandler) {
      handlers.patrons.set(patrons);
      handlers.defaults.set(defaults);
    }
  }

  return { definition, module: LibrariesModule };
}
