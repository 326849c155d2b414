import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, attendance, events, hq, libraries, TOPIC_CATALOG } from '@hexfleet/schemas';
import { AcademicYearsController } from './adapters/in/academic-years.http.controller';
import { DashboardsController } from './adapters/in/dashboards.http.controller';
import { GroupPolicyController } from './adapters/in/group-policy.http.controller';
import { SchoolsController } from './adapters/in/schools.http.controller';
import { TransfersController } from './adapters/in/transfers.http.controller';
import { RolloversController } from './adapters/in/rollovers.http.controller';
import { PostgresAcademicYears } from './adapters/out/academic-years/academic-years.adapter';
import { academicYears } from './adapters/out/academic-years/academic-years.projection';
import { PostgresDashboards } from './adapters/out/dashboard/dashboard.adapter';
import { dashboard } from './adapters/out/dashboard/dashboard.projection';
import { PostgresPolicies } from './adapters/out/policies/policies.adapter';
import { policies } from './adapters/out/policies/policies.projection';
import { PostgresSchoolDirectory } from './adapters/out/schools/schools.adapter';
import { schools } from './adapters/out/schools/schools.projection';
import { AcademicYearsCommandHandler } from './application/academic-years.command-handler';
import { ACADEMIC_YEARS } from './application/academic-years.port';
import { AcademicYearsQueryHandler } from './application/academic-years.query-handler';
import { DASHBOARDS } from './application/dashboards.port';
import { DashboardsQueryHandler } from './application/dashboards.query-handler';
import { enrolmentsPolicy } from './application/enrolments.policy';
import { HQ_SETTINGS } from './application/hq-settings';
import type { HqSettings } from './application/hq-settings';
import { PoliciesCommandHandler } from './application/policies.command-handler';
import { POLICIES } from './application/policies.port';
import { PoliciesQueryHandler } from './application/policies.query-handler';
import { SCHOOL_DIRECTORY } from './application/school-directory.port';
import { SchoolsCommandHandler } from './application/schools.command-handler';
import { SchoolsQueryHandler } from './application/schools.query-handler';
import { StudentHomesCommandHandler } from './application/student-homes.command-handler';
import { TransfersCommandHandler } from './application/transfers.command-handler';
import { RolloverCommandHandler } from './application/rollover.command-handler';
import { TransfersQueryHandler } from './application/transfers.query-handler';
import { hqEnv } from './hq.config';
import type { HqOptions } from './hq.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'invalid-school-code',
  'invalid-school-name',
  'invalid-time-zone',
  'reason-required',
  'invalid-loan-rules',
  'invalid-attendance-codes',
  'duplicate-attendance-code',
  'attendance-codes-incomplete',
  'invalid-absence-thresholds',
  'invalid-register-lock-days',
  'invalid-date',
  'invalid-year-name',
  'invalid-term-name',
  'ends-before-start',
  'year-too-long',
  'invalid-terms',
  'term-outside-year',
  'terms-overlap',
  'duplicate-term-name',
  'duplicate-school',
  'range-too-long',
  'transfer-to-same-school',
  'school-not-in-group',
  'reason-too-long',
  'invalid-staff-roles',
  'rollover-to-same-year',
  'rollover-goes-backwards',
];

/**
 * The HQ service: its definition for the platform and its Nest module, built
 * together because the read models' running names (which queries wait on), the clock
 * and the id generator are choices of one composition.
 */
export function createHq(overrides: Partial<HqOptions> = {}, env: NodeJS.ProcessEnv = process.env): ServiceComposition {
  const options: HqOptions = { ...commonOptions('hq', env), ...hqEnv(env), ...overrides };
  const readModels = named({ schools, policies, academicYears, dashboard }, options.projectionSuffix);
  // The policy is listed before Nest builds the handler it calls: the module hands it over.
  const homes = new Later<StudentHomesCommandHandler>('StudentHomesCommandHandler');
  const settings: HqSettings = {
    defaultPageSize: options.defaultPageSize,
    rolloverSchoolsPerRun: options.rolloverSchoolsPerRun,
    readModels: {
      schools: readModels.schools.name,
      policies: readModels.policies.name,
      academicYears: readModels.academicYears.name,
      dashboard: readModels.dashboard.name,
    },
  };
  const definition: ServiceDefinition = {
    name: 'hq',
    source: '/school/hq',
    description: 'HQ: the schools of a school group, their years, policies, transfers and the year-end rollover.',
    // The dashboards read libraries' loans, events' calendar, Admin's students (the home school too)
    // and Attendance's registers and absences.
    contracts: [
      ...hq.contracts,
      ...libraries.librariesLoanV1Contracts,
      ...events.eventsEventV1Contracts,
      ...admin.adminStudentV1Contracts,
      ...attendance.attendanceRegisterV1Contracts,
      ...attendance.attendanceStudentV1Contracts,
    ],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'hq'),
    projections: Object.values(readModels),
    policies: [enrolmentsPolicy(homes, options.projectionSuffix)],
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A school of another tenant, or outside the caller's schools, looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [
      SchoolsController,
      GroupPolicyController,
      AcademicYearsController,
      DashboardsController,
      TransfersController,
      RolloversController,
    ],
    providers: [
      { provide: HQ_SETTINGS, useValue: settings },
      { provide: SCHOOL_DIRECTORY, useClass: PostgresSchoolDirectory },
      { provide: POLICIES, useClass: PostgresPolicies },
      { provide: ACADEMIC_YEARS, useClass: PostgresAcademicYears },
      SchoolsCommandHandler,
      SchoolsQueryHandler,
      PoliciesCommandHandler,
      PoliciesQueryHandler,
      AcademicYearsCommandHandler,
      AcademicYearsQueryHandler,
      { provide: DASHBOARDS, useClass: PostgresDashboards },
      DashboardsQueryHandler,
      TransfersCommandHandler,
      TransfersQueryHandler,
      StudentHomesCommandHandler,
      RolloverCommandHandler,
    ],
  })
  class HqModule {
    constructor(studentHomes: StudentHomesCommandHandler) {
      homes.set(studentHomes);
    }
  }

  return { definition, module: HqModule };
}
