import type { Type } from '@nestjs/common';
import { consumerGroups, createService, RunningService, ServiceDefinition } from '@hexfleet/platform';
import { DevIssuer, LocalService, startLocalService, uniqueName, withBuiltService } from '@hexfleet/testing';
import { payrollService, PayrollModule } from '../../src/payroll.module';

export type { CallOptions, Reply } from '@hexfleet/testing';
export { storedEvents } from '@hexfleet/testing';

export type ServiceHarness = LocalService<RunningService>;

/** A service of this suite in this process, on the run's stack (libs/testing's startLocalService). */
export const startService = (definition: ServiceDefinition, feature: Type<unknown>, issuer: DevIssuer) =>
  startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, feature, { env }),
    consumerGroups(definition),
  );

/** Payroll in this process, HRMS as deployed beside it (its own process and database; Kafka between them). */
export const payrollWithHrms = (name: string) =>
  withBuiltService('services/business/hrms', (issuer) =>
    startService(payrollService({ suffix: `-${uniqueName(name)}` }), PayrollModule, issuer),
  );
