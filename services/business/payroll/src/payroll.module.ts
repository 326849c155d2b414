import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { CommonOptions, ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { hrms, payroll, TOPIC_CATALOG } from '@hexfleet/schemas';
import { PayrollEmployeesController } from './adapters/in/payroll-employees.http.controller';
import { PayrollRunsController } from './adapters/in/payroll-runs.http.controller';
import { SalaryController } from './adapters/in/salary.http.controller';
import { PostgresPayrollEmployees } from './adapters/out/payroll-employees/payroll-employees.adapter';
import { payrollEmployees } from './adapters/out/payroll-employees/payroll-employees.projection';
import { PostgresPayrollRuns } from './adapters/out/payroll-runs/payroll-runs.adapter';
import { payrollRuns } from './adapters/out/payroll-runs/payroll-runs.projection';
import { HrmsFactsCommandHandler } from './application/hrms-facts.command-handler';
import { hrmsFactsPolicy } from './application/hrms-facts.policy';
import { PayrollEmployeeQueryHandler } from './application/payroll-employee.query-handler';
import { PAYROLL_EMPLOYEES } from './application/payroll-employees.port';
import { PayrollRunCommandHandler } from './application/payroll-run.command-handler';
import { PayrollRunQueryHandler } from './application/payroll-run.query-handler';
import { PAYROLL_RUNS } from './application/payroll-runs.port';
import { PAYROLL_SETTINGS } from './application/payroll-settings';
import type { PayrollSettings } from './application/payroll-settings';
import { SalaryCommandHandler } from './application/salary.command-handler';

/** Payroll reads no variables of its own: the common ones (clock, ids, PROJECTION_SUFFIX) are all it takes. */
export type PayrollOptions = CommonOptions;

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

/**
 * The Payroll service: its definition for the platform and its Nest module,
 * built together because the read models' and the policy's running names (with
 * an instance's suffix), the clock and the ids are choices of one composition.
 */
export function createPayroll(
  overrides: Partial<PayrollOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: PayrollOptions = { ...commonOptions('payroll', env), ...overrides };
  const readModels = named({ employees: payrollEmployees, runs: payrollRuns }, options.projectionSuffix);
  // The policy is listed before Nest builds the handler it calls: the module hands it
  // over as Nest builds it, before the runtime starts consuming (at bootstrap).
  const facts = new Later<HrmsFactsCommandHandler>('HrmsFactsCommandHandler');
  const settings: PayrollSettings = {
    readModels: { employees: readModels.employees.name, runs: readModels.runs.name },
  };
  const definition: ServiceDefinition = {
    name: 'payroll',
    source: '/business/payroll',
    description: 'Payroll: salary components and structures, pay runs and payslips.',
    // HRMS's contracts too: the policy decodes its events.
    contracts: [...payroll.contracts, ...hrms.contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'payroll'),
    clock: options.clock,
    ids: options.ids,
    projections: Object.values(readModels),
    policies: [hrmsFactsPolicy(facts, options.clock, options.projectionSuffix)],
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/, 'employee-not-enrolled'],
  };

  @Module({
    controllers: [PayrollEmployeesController, SalaryController, PayrollRunsController],
    providers: [
      { provide: PAYROLL_SETTINGS, useValue: settings },
      { provide: PAYROLL_EMPLOYEES, useClass: PostgresPayrollEmployees },
      { provide: PAYROLL_RUNS, useClass: PostgresPayrollRuns },
      HrmsFactsCommandHandler,
      PayrollEmployeeQueryHandler,
      SalaryCommandHandler,
      PayrollRunCommandHandler,
      PayrollRunQueryHandler,
    ],
  })
  class PayrollModule {
    constructor(handler: HrmsFactsCommandHandler) {
      facts.set(handler);
    }
  }

  return { definition, module: PayrollModule };
}
