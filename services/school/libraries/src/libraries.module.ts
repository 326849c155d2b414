import { Module, Type } from '@nestjs/common';
import { systemClock } from '@hexfleet/eventing';
import type { ServiceDefinition } from '@hexfleet/platform';
import { libraries, TOPIC_CATALOG } from '@hexfleet/schemas';
import { CatalogueController } from './adapters/in/catalogue.http.controller';
import { CopiesController } from './adapters/in/copies.http.controller';
import { HoldsController } from './adapters/in/holds.http.controller';
import { LoansController } from './adapters/in/loans.http.controller';
import { PatronsController } from './adapters/in/patrons.http.controller';
import { catalogueProjection } from './adapters/out/catalogue.projection';
import { circulationProjection } from './adapters/out/circulation.projection';
import { PostgresTenants } from './adapters/out/postgres-tenants.adapter';
import { CatalogueHandler } from './application/catalogue.command-handler';
import { CatalogueQueries } from './application/catalogue.query-handler';
import { CheckoutHandler } from './application/checkout.command-handler';
import { CirculationCounts } from './application/circulation.reads';
import { CirculationQueries } from './application/circulation.query-handler';
import { CopiesHandler } from './application/copies.command-handler';
import { FinesHandler } from './application/fines.command-handler';
import { HoldExpiryJob } from './application/hold-expiry.job';
import { HoldsHandler } from './application/holds.command-handler';
import { LIBRARY_SETTINGS, LibraryContext } from './application/library-context';
import type { LibrarySettings } from './application/library-context';
import { OverdueJob } from './application/overdue.job';
import { PatronAccess } from './application/patron-access';
import { PatronsHandler } from './application/patrons.command-handler';
import { ReturnRenewHandler } from './application/return-renew.command-handler';
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
 * built together because the projections' names (which the queries wait on)
 * and the clock are choices of one composition.
 */
export function createLibraries(overrides: Partial<LibrariesOptions> = {}, env: NodeJS.ProcessEnv = process.env) {
  const options: LibrariesOptions = { clock: systemClock, ...librariesEnv(env), ...overrides };
  const readModels = {
    catalogue: `library-catalogue${options.projectionSuffix}`,
    circulation: `library-circulation${options.projectionSuffix}`,
  };
  const settings: LibrarySettings = { ...options, readModels };
  const definition: ServiceDefinition = {
    name: 'libraries',
    source: '/school/libraries',
    description: 'School libraries: catalogue, copies, patrons, loans, holds and fines.',
    contracts: libraries.contracts,
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'libraries'),
    projections: [catalogueProjection(readModels.catalogue), circulationProjection(readModels.circulation)],
    unprocessable: UNPROCESSABLE,
    // A patron, copy, title or loan of another tenant looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [CatalogueController, CopiesController, HoldsController, LoansController, PatronsController],
    providers: [
      { provide: LIBRARY_SETTINGS, useValue: settings },
      { provide: TENANTS, useClass: PostgresTenants },
      LibraryContext,
      PatronAccess,
      CirculationCounts,
      CatalogueHandler,
      CatalogueQueries,
      CheckoutHandler,
      ReturnRenewHandler,
      HoldsHandler,
      FinesHandler,
      CopiesHandler,
      PatronsHandler,
      CirculationQueries,
      OverdueJob,
      HoldExpiryJob,
    ],
  })
  class LibrariesModule {}

  return { definition, module: LibrariesModule as Type<unknown> };
}
