import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { CommonOptions, ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { hrms, payroll, pipeline, TOPIC_CATALOG } from '@hexfleet/schemas';
import { AttendanceController } from './adapters/in/attendance.http.controller';
import { EmployeesController } from './adapters/in/employees.http.controller';
import { JobOpeningsController } from './adapters/in/job-openings.http.controller';
import { LeaveRequestsController } from './adapters/in/leave-requests.http.controller';
import {
  HolidayListsController,
  LeaveAllocationsController,
  LeaveTypesController,
} from './adapters/in/leave-setup.http.controller';
import { attendance } from './adapters/out/attendance/attendance.projection';
import { PostgresAttendanceSheets } from './adapters/out/attendance/attendance-sheets.adapter';
import { PostgresEmployeeDirectory } from './adapters/out/employee-directory/employee-directory.adapter';
import { employeeDirectory } from './adapters/out/employee-directory/employee-directory.projection';
import { PostgresJobOpenings } from './adapters/out/job-openings/job-openings.adapter';
import { jobOpenings } from './adapters/out/job-openings/job-openings.projection';
import { PostgresLeaveRequests } from './adapters/out/leave/leave-requests.adapter';
import { PostgresLeaveSetup } from './adapters/out/leave/leave-setup.adapter';
import { leave } from './adapters/out/leave/leave.projection';
import { PostgresPayrollPeriods } from './adapters/out/payroll-periods/payroll-periods.adapter';
import { payrollPeriods } from './adapters/out/payroll-periods/payroll-periods.projection';
import { AttendanceCommandHandler } from './application/attendance.command-handler';
import { AttendanceQueryHandler } from './application/attendance.query-handler';
import { CandidateHiresCommandHandler } from './application/candidate-hires.command-handler';
import { ATTENDANCE_SHEETS } from './application/attendance-sheets.port';
import { EmployeeCommandHandler } from './application/employee.command-handler';
import { EmployeeQueryHandler } from './application/employee.query-handler';
import { EMPLOYEE_DIRECTORY } from './application/employee-directory.port';
import { HRMS_SETTINGS } from './application/hrms-settings';
import type { HrmsSettings } from './application/hrms-settings';
import { JobOpeningCommandHandler } from './application/job-opening.command-handler';
import { JobOpeningQueryHandler } from './application/job-opening.query-handler';
import { JOB_OPENINGS } from './application/job-openings.port';
import { LeaveRequestCommandHandler } from './application/leave-request.command-handler';
import { LEAVE_REQUESTS } from './application/leave-requests.port';
import { LeaveSetupCommandHandler } from './application/leave-setup.command-handler';
import { LEAVE_SETUP } from './application/leave-setup.port';
import { LeaveQueryHandler } from './application/leave.query-handler';
import { PAYROLL_PERIODS } from './application/payroll-periods.port';
import { pipelinePolicy } from './application/pipeline.policy';

/** HRMS has no settings of its own yet: the clock, ids and PROJECTION_SUFFIX every service has. */
export type HrmsOptions = CommonOptions;

/** Domain codes for a command that is invalid in itself (422); every other code is a conflict with state (409). */
const UNPROCESSABLE = [
  'invalid-date',
  'field-required',
  'invalid-work-email',
  'employee-cannot-manage-self',
  'effective-before-joining',
  'relieving-before-joining',
  'leave-ends-before-start',
  'half-day-outside-leave',
  'leave-spans-years',
  'leave-has-no-working-days',
  'invalid-year',
  'invalid-leave-days',
  'holiday-outside-list',
  'duplicate-holiday',
  'holiday-list-ends-before-start',
  'attendance-in-future',
  'on-leave-needs-approved-leave',
  'invalid-positions',
  'unpaid-leave-not-allocated',
];

/**
 * HRMS: its definition for the platform and its Nest module, built together
 * because the read models' running names (which queries wait on) and the
 * clock are choices of one composition.
 */
export function createHrms(
  overrides: Partial<HrmsOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: HrmsOptions = { ...commonOptions('hrms', env), ...overrides };
  const readModels = named(
    { directory: employeeDirectory, leave, attendance, payrollPeriods, jobOpenings },
    options.projectionSuffix,
  );
  const settings: HrmsSettings = {
    readModels: {
      directory: readModels.directory.name,
      leave: readModels.leave.name,
      attendance: readModels.attendance.name,
      payrollPeriods: readModels.payrollPeriods.name,
      jobOpenings: readModels.jobOpenings.name,
    },
  };
  // The policy is listed before Nest builds the handler it calls; the module hands it over.
  const hires = new Later<CandidateHiresCommandHandler>('CandidateHiresCommandHandler');
  const definition: ServiceDefinition = {
    name: 'hrms',
    source: '/business/hrms',
    description: 'HRMS: employee master, leave, holidays, attendance and job openings.',
    // Payroll's run events too: HRMS reads which periods are finalized from them; Pipeline's
    // candidates, to hire from CandidateHired.
    contracts: [
      ...hrms.contracts,
      ...payroll.payrollPayrollRunV1Contracts,
      ...pipeline.pipelineCandidateV1Contracts,
      ...pipeline.pipelinePipelineV1Contracts,
    ],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'hrms'),
    projections: Object.values(readModels),
    policies: [pipelinePolicy(hires, options.projectionSuffix)],
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/],
    clock: options.clock,
    ids: options.ids,
  };

  @Module({
    controllers: [
      EmployeesController,
      LeaveTypesController,
      HolidayListsController,
      LeaveAllocationsController,
      LeaveRequestsController,
      AttendanceController,
      JobOpeningsController,
    ],
    providers: [
      { provide: HRMS_SETTINGS, useValue: settings },
      { provide: EMPLOYEE_DIRECTORY, useClass: PostgresEmployeeDirectory },
      { provide: LEAVE_SETUP, useClass: PostgresLeaveSetup },
      { provide: LEAVE_REQUESTS, useClass: PostgresLeaveRequests },
      { provide: ATTENDANCE_SHEETS, useClass: PostgresAttendanceSheets },
      { provide: PAYROLL_PERIODS, useClass: PostgresPayrollPeriods },
      { provide: JOB_OPENINGS, useClass: PostgresJobOpenings },
      EmployeeCommandHandler,
      EmployeeQueryHandler,
      LeaveSetupCommandHandler,
      LeaveRequestCommandHandler,
      LeaveQueryHandler,
      AttendanceCommandHandler,
      AttendanceQueryHandler,
      JobOpeningCommandHandler,
      JobOpeningQueryHandler,
      CandidateHiresCommandHandler,
    ],
  })
  class HrmsModule {
    constructor(candidateHires: CandidateHiresCommandHandler) {
      hires.set(candidateHires);
    }
  }

  return { definition, module: HrmsModule };
}
