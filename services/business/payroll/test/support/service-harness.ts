import { consumerGroups, createService, RunningService } from '@hexfleet/platform';
import { LocalService, startLocalService, uniqueName, withBuiltService } from '@hexfleet/testing';
import { createPayroll } from '../../src/payroll.module';

export type { CallOptions, Reply } from '@hexfleet/testing';
export { storedEvents } from '@hexfleet/testing';

export type ServiceHarness = LocalService<RunningService>;

/**
 * Payroll in this process, under read-model and policy names of its own, HRMS as
 * deployed beside it (its own process and database; Kafka between them).
 */
export const payrollWithHrms = (name: string) =>
  withBuiltService('services/business/hrms', (issuer) => {
    const { definition, module } = createPayroll({ projectionSuffix: `-${uniqueName(name)}` }, {});
    return startLocalService(
      definition.name,
      issuer,
      (env) => createService(definition, module, { env }),
      consumerGroups(definition),
    );
  });
