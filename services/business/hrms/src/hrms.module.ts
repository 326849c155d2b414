import { Module } from '@nestjs/common';
import type { Projection } from '@hexfleet/eventing';
import type { ServiceDefinition } from '@hexfleet/platform';
import { hrms, payroll, TOPIC_CATALOG } from '@hexfleet/schemas';
import { AttendanceController } from './adapters/in/attendance.http.controller';
import { EmployeesController } from './adapters/in/employees.http.controller';
import { JobOpeningsController } from './adapters/in/job-openings.http.controller';
import { LeaveRequestsController } from './adapters/in/leave-requests.http.controller';
import {
  HolidayListsController,
  LeaveAllocationsController,
  LeaveTypesController,
} from './adapters/in/leave-setup.http.controller';
import { attendanceProjection } from './adapters/out/attendance.projection';
import { employeeDirectory } from './adapters/out/employee-directory/employee-directory.projection';
import { jobOpeningsProjection } from './adapters/out/job-openings.projection';
import { leaveProjection } from './adapters/out/leave.projection';
import { payrollPeriodsProjection } from './adapters/out/payroll-periods.projection';
import { AttendanceHandler } from './application/attendance.handler';
import { EmployeeCommandHandler } from './application/employee.command-handler';
import { EmployeeQueryHandler } from './application/employee.query-handler';
import { JobOpeningCommandHandler } from './application/job-opening.command-handler';
import { JobOpeningQueryHandler } from './application/job-opening.query-handler';
import { LeaveRequestCommandHandler } from './application/leave-request.command-handler';
import { LeaveSetupCommandHandler } from './application/leave-setup.command-handler';
import { LeaveQueryHandler } from './application/leave.query-handler';

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
    EmployeeCommandHandler,
    EmployeeQueryHandler,
    LeaveSetupCommandHandler,
    LeaveRequestCommandHandler,
    LeaveQueryHandler,
    AttendanceHandler,
    JobOpeningCommandHandler,
    JobOpeningQueryHandler,
  ],
})
export class HrmsModule {}

export interface HrmsServiceOptions {
  /**
   * Appended to projection names (so to their consumer groups), empty or
   * `-<name>` (PROJECTION_SUFFIX): a blue/green rebuild beside the old read
   * models, or several deployments (concurrent test runs) on one Kafka cluster.
   */
  suffix?: string;
}

/** What HRMS is for the platform: its contracts, topics, read models and 422 codes. */
export function hrmsService({ suffix = '' }: HrmsServiceOptions = {}): ServiceDefinition {
  if (!/^(-[a-z0-9-]+)?$/.test(suffix)) throw new Error(`Invalid HRMS configuration: PROJECTION_SUFFIX ${suffix}`);
  const named = (projection: Projection): Projection => ({ ...projection, name: `${projection.name}${suffix}` });
  return {
    name: 'hrms',
    source: '/business/hrms',
    description: 'HRMS: employee master, leave, holidays, attendance and job openings.',
    // Payroll's run events too: HRMS reads which periods are finalized from them.
    contracts: [...hrms.contracts, ...payroll.payrollPayrollRunV1Contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'hrms'),
    projections: [
      employeeDirectory,
      leaveProjection,
      attendanceProjection,
      payrollPeriodsProjection,
      jobOpeningsProjection,
    ].map(named),
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/],
  };
}
