import type { Type } from '@nestjs/common';
import { consumerGroups, createService, RunningService, ServiceDefinition } from '@hexfleet/platform';
import { DevIssuer, LocalService, startLocalService, uniqueName, withBuiltService } from '@hexfleet/testing';
import { hrmsService, HrmsModule } from '../../src/hrms.module';

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

/** HRMS in this process, payroll as deployed beside it (its own process and database; Kafka between them). */
export const hrmsWithPayroll = (name: string) =>
  withBuiltService('services/business/payroll', (issuer) =>
    startService(hrmsService({ suffix: `-${uniqueName(name)}` }), HrmsModule, issuer),
  );
