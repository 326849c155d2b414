import { randomBytes } from 'node:crypto';
import type { Clock } from '@hexfleet/kernel';
import { consumerGroups, createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { createDevIssuer, startLocalService, uniqueName } from '@hexfleet/testing';
import type { CallOptions, DevIssuer, LocalService, Reply } from '@hexfleet/testing';
import { createLibraries } from '../../src/libraries.module';

export type { CallOptions, Reply };

export type LibrariesHarness = LocalService<RunningService> & { issuer: DevIssuer };

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * The Libraries service in-process on the run's stack (libs/testing's startLocalService):
 * its own database, its own read-model names (so parallel tests never share a consumer
 * group), a clock the test controls, and the job timers off (tests run the jobs themselves).
 */
export async function startLibraries(clock: Clock, issuer?: DevIssuer): Promise<LibrariesHarness> {
  const devIssuer = issuer ?? (await createDevIssuer());
  const { definition, module } = createLibraries(
    { clock, overdueScanIntervalMs: 0, holdExpiryScanIntervalMs: 0, projectionSuffix: `-${uniqueName('t')}` },
    {},
  );
  const service = await startLocalService(
    definition.name,
    devIssuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
  return Object.assign(service, { issuer: devIssuer });
}
