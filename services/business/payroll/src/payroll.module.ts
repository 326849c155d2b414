import { Module } from '@nestjs/common';
import type { Projection } from '@hexfleet/eventing';
import type { ServiceDefinition } from '@hexfleet/platform';
import { hrms, payroll, TOPIC_CATALOG } from '@hexfleet/schemas';
import { PayrollEmployeesController } from './adapters/in/payroll-employees.http.controller';
import { PayrollRunsController } from './adapters/in/payroll-runs.http.controller';
import { SalaryController } from './adapters/in/salary.http.controller';
import { payrollEmployeesProjection } from './adapters/out/payroll-employees.projection';
import { payrollRunsProjection } from './adapters/out/payroll-runs.projection';
import { deferredPolicy } from './application/deferred-policy';
import { HRMS_FACTS_POLICY, HRMS_FACTS_TOPICS, HrmsFactsPolicy } from './application/hrms-facts.policy';
import { PayrollEmployeeQueryHandler } from './application/payroll-employee.query-handler';
import { PayrollRunCommandHandler } from './application/payroll-run.command-handler';
import { PayrollRunQueryHandler } from './application/payroll-run.query-handler';
import { SalaryCommandHandler } from './application/salary.command-handler';

/** Domain codes for a command that is invalid in itself (422); every other code is a conflict with state (409). */
const UNPROCESSABLE = [
  'invalid-date',
  'invalid-period',
  'field-required',
  'invalid-component-code',
  'invalid-component-kind',
  'invalid-percentage',
  'invalid-amount',
  'unknown-formula-base',
  'duplicate-component-in-structure',
  'structure-needs-an-earning',
  'assignment-before-joining',
  'assignment-after-relieving',
  'invalid-currency',
];

@Module({
  controllers: [PayrollEmployeesController, SalaryController, PayrollRunsController],
  providers: [
    HrmsFactsPolicy,
    PayrollEmployeeQueryHandler,
    SalaryCommandHandler,
    PayrollRunCommandHandler,
    PayrollRunQueryHandler,
  ],
})
export class PayrollModule {}

export interface PayrollServiceOptions {
  /**
   * Appended to projection and policy names (so to their consumer groups), empty or
   * `-<name>` (PROJECTION_SUFFIX): a blue/green rebuild beside the old read
   * models, or several deployments (concurrent test runs) on one Kafka cluster.
   */
  suffix?: string;
}

/** What payroll is for the platform: its contracts (and HRMS's, to read them), topics, read models, policies. */
export function payrollService({ suffix = '' }: PayrollServiceOptions = {}): ServiceDefinition {
  if (!/^(-[a-z0-9-]+)?$/.test(suffix)) throw new Error(`Invalid Payroll configuration: PROJECTION_SUFFIX ${suffix}`);
  const named = (projection: Projection): Projection => ({ ...projection, name: `${projection.name}${suffix}` });
  return {
    name: 'payroll',
    source: '/business/payroll',
    description: 'Payroll: salary components and structures, pay runs and payslips.',
    contracts: [...payroll.contracts, ...hrms.contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'payroll'),
    projections: [payrollEmployeesProjection, payrollRunsProjection].map(named),
    policies: [deferredPolicy(`${HRMS_FACTS_POLICY}${suffix}`, HRMS_FACTS_TOPICS)],
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/, 'employee-not-enrolled'],
  };
}
