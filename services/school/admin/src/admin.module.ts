import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, events, hq, TOPIC_CATALOG } from '@hexfleet/schemas';
import { CsvBody } from './adapters/in/csv-body';
import { GroupsController } from './adapters/in/groups.http.controller';
import { ImportsController } from './adapters/in/imports.http.controller';
import { SchoolsController } from './adapters/in/schools.http.controller';
import { StudentsController } from './adapters/in/students.http.controller';
import { TimetableController } from './adapters/in/timetable.http.controller';
import { PostgresImportReports } from './adapters/out/imports/import-reports.adapter';
import { imports } from './adapters/out/imports/imports.projection';
import { PostgresRoster } from './adapters/out/roster/roster.adapter';
import { roster } from './adapters/out/roster/roster.projection';
import { PostgresSchoolStructure } from './adapters/out/structure/school-structure.adapter';
import { structure } from './adapters/out/structure/structure.projection';
import { PostgresTimetable } from './adapters/out/timetable/timetable.adapter';
import { timetable } from './adapters/out/timetable/timetable.projection';
import { ADMIN_SETTINGS } from './application/admin-settings';
import type { AdminSettings } from './application/admin-settings';
import { GroupsCommandHandler } from './application/groups.command-handler';
import { holidaysPolicy } from './application/holidays.policy';
import { HqYearsCommandHandler } from './application/hq-years.command-handler';
import { hqPolicy } from './application/hq.policy';
import { PromotionCommandHandler } from './application/promotion.command-handler';
import { IMPORT_REPORTS } from './application/import-reports.port';
import { ImportsCommandHandler } from './application/imports.command-handler';
import { ImportsQueryHandler } from './application/imports.query-handler';
import { ROSTER } from './application/roster.port';
import { SchoolQueryHandler } from './application/school.query-handler';
import { SCHOOL_STRUCTURE } from './application/school-structure.port';
import { SetupCommandHandler } from './application/setup.command-handler';
import { StudentsCommandHandler } from './application/students.command-handler';
import { StudentImportJob } from './application/student-import.job';
import { StudentsQueryHandler } from './application/students.query-handler';
import { TimetableCommandHandler } from './application/timetable.command-handler';
import { TIMETABLE } from './application/timetable.port';
import { TimetableQueryHandler } from './application/timetable.query-handler';
import { adminEnv } from './admin.config';
import type { AdminOptions } from './admin.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'field-required',
  'field-too-long',
  'formula-like-text',
  'invalid-date',
  'end-before-start',
  'invalid-email',
  'invalid-phone',
  'invalid-gender',
  'invalid-admission-number',
  'invalid-subject-code',
  'invalid-capacity',
  'invalid-roll-number',
  'invalid-time',
  'invalid-weekdays',
  'guardian-required',
  'too-many-guardians',
  'one-primary-guardian-required',
  'guardian-contact-required',
  'birth-date-not-before-admission',
  'academic-year-too-long',
  'term-outside-year',
  'enrolment-outside-year',
  'enrolment-before-admission',
  'withdrawal-before-admission',
  'session-outside-term',
  'session-ends-before-start',
  'session-has-no-occurrence',
  'not-an-occurrence',
  'group-not-in-year',
  'group-not-in-term',
  'promotion-not-to-a-later-year',
  'timetable-span-too-long',
  'import-empty',
  'import-too-many-rows',
  'csv-not-utf8',
  'csv-unknown-columns',
  'csv-missing-columns',
  'csv-repeated-columns',
  'csv-malformed',
];

/**
 * The Admin service: its definition for the platform and its Nest module, built
 * together because the read models' running names (which queries wait on), the clock
 * and the id generator are choices of one composition.
 */
export function createAdmin(
  overrides: Partial<AdminOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: AdminOptions = { ...commonOptions('admin', env), ...adminEnv(env), ...overrides };
  const readModels = named({ structure, roster, timetable, imports }, options.projectionSuffix);
  // The policy is listed before Nest builds the handler it calls: the module hands it over.
  const timetableCommands = new Later<TimetableCommandHandler>('TimetableCommandHandler');
  const hqDeps = {
    years: new Later<HqYearsCommandHandler>('HqYearsCommandHandler'),
    promotion: new Later<PromotionCommandHandler>('PromotionCommandHandler'),
  };
  const settings: AdminSettings = {
    defaultPageSize: options.defaultPageSize,
    importMaxBytes: options.importMaxBytes,
    readModels: {
      structure: readModels.structure.name,
      roster: readModels.roster.name,
      timetable: readModels.timetable.name,
      imports: readModels.imports.name,
    },
  };
  const definition: ServiceDefinition = {
    name: 'admin',
    source: '/school/admin',
    description: 'School administration: years and terms, groups, admissions and enrolment, subjects, timetables.',
    // Events' and HQ's contracts too: the policies decode HolidayDeclared and HQ's decisions.
    contracts: [...admin.contracts, ...events.contracts, ...hq.contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'admin'),
    projections: Object.values(readModels),
    policies: [holidaysPolicy(timetableCommands, options.projectionSuffix), hqPolicy(hqDeps, options.projectionSuffix)],
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A school, group, student or session of another tenant, or beyond the caller's school, does not exist.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [SchoolsController, GroupsController, StudentsController, TimetableController, ImportsController],
    providers: [
      { provide: ADMIN_SETTINGS, useValue: settings },
      { provide: SCHOOL_STRUCTURE, useClass: PostgresSchoolStructure },
      { provide: ROSTER, useClass: PostgresRoster },
      { provide: TIMETABLE, useClass: PostgresTimetable },
      { provide: IMPORT_REPORTS, useClass: PostgresImportReports },
      HqYearsCommandHandler,
      PromotionCommandHandler,
      CsvBody,
      SetupCommandHandler,
      GroupsCommandHandler,
      StudentsCommandHandler,
      TimetableCommandHandler,
      SchoolQueryHandler,
      StudentsQueryHandler,
      TimetableQueryHandler,
      ImportsCommandHandler,
      ImportsQueryHandler,
      StudentImportJob,
    ],
  })
  class AdminModule {
    constructor(timetable: TimetableCommandHandler, years: HqYearsCommandHandler, promotion: PromotionCommandHandler) {
      timetableCommands.set(timetable);
      hqDeps.years.set(years);
      hqDeps.promotion.set(promotion);
    }
  }

  return { definition, module: AdminModule };
}
