import { consumerGroups, createService, RunningService } from '@hexfleet/platform';
import { DevIssuer, LocalService, startLocalService, uniqueName, withBuiltService } from '@hexfleet/testing';
import { createHrms } from '../../src/hrms.module';
import type { HrmsOptions } from '../../src/hrms.module';

export type { CallOptions, Reply } from '@hexfleet/testing';
export { storedEvents } from '@hexfleet/testing';

export type ServiceHarness = LocalService<RunningService>;

/**
 * HRMS in this process on the run's stack (libs/testing's startLocalService), composed
 * as main.ts does but with read models (so consumer groups) of its own, named after `name`.
 */
export function startHrms(name: string, issuer: DevIssuer, overrides: Partial<HrmsOptions> = {}) {
  const { definition, module } = createHrms({ projectionSuffix: `-${uniqueName(name)}`, ...overrides }, {});
  return startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
}

/** HRMS in this process, payroll as deployed beside it (its own process and database; Kafka between them). */
export const hrmsWithPayroll = (name: string) =>
  withBuiltService('services/business/payroll', (issuer) => startHrms(name, issuer));
