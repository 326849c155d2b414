import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, attendance, events, hq, TOPIC_CATALOG } from '@hexfleet/schemas';
import { RegistersController } from './adapters/in/registers.http.controller';
import { ReportsController } from './adapters/in/reports.http.controller';
import { SchoolSettingsController } from './adapters/in/school-settings.http.controller';
import { PostgresRegisterBook } from './adapters/out/registers/register-book.adapter';
import { registers } from './adapters/out/registers/registers.projection';
import { adminPolicy } from './application/admin.policy';
import { AlertsCommandHandler } from './application/alerts.command-handler';
import { alertsPolicy } from './application/alerts.policy';
import { ATTENDANCE_SETTINGS } from './application/attendance-settings';
import type { AttendanceSettings } from './application/attendance-settings';
import { FactsCommandHandler } from './application/facts.command-handler';
import { LeavesCommandHandler } from './application/leaves.command-handler';
import { SchoolSettingsCommandHandler } from './application/school-settings.command-handler';
import { RegistersCommandHandler } from './application/registers.command-handler';
import { REGISTER_BOOK } from './application/registers.port';
import { RegistersQueryHandler } from './application/registers.query-handler';
import { schoolPolicy } from './application/school.policy';
import { attendanceEnv } from './attendance.config';
import type { AttendanceOptions } from './attendance.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'unknown-attendance-mode',
  'date-in-future',
  'not-a-session-day',
  'student-not-in-group',
  'student-marked-twice',
  'unknown-code',
  'no-present-code',
  'reason-required',
  'reason-too-long',
  'invalid-range',
  'invalid-leave-reason',
  'leave-ends-before-start',
  'leave-too-long',
];

/**
 * The Attendance service: its definition for the platform and its Nest module, built
 * together because the read models' running names (which queries wait on), the clock
 * and the id generator are choices of one composition.
 */
export function createAttendance(
  overrides: Partial<AttendanceOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: AttendanceOptions = { ...commonOptions('attendance', env), ...attendanceEnv(env), ...overrides };
  const readModels = named({ registers }, options.projectionSuffix);
  // The policies are listed before Nest builds the handlers they call: the module hands them over.
  const facts = new Later<FactsCommandHandler>('FactsCommandHandler');
  const alerts = new Later<AlertsCommandHandler>('AlertsCommandHandler');
  const settings: AttendanceSettings = {
    defaultPageSize: options.defaultPageSize,
    lockDays: options.lockDays,
    alertWindowDays: options.alertWindowDays,
    alertMinimumRecords: options.alertMinimumRecords,
    readModels: { registers: readModels.registers.name },
  };
  const definition: ServiceDefinition = {
    name: 'attendance',
    source: '/school/attendance',
    description: 'Attendance: registers for every class session, corrections, absences and absence alerts, reports.',
    // Admin's, HQ's and Events' contracts too: the policies decode their events.
    contracts: [...attendance.contracts, ...admin.contracts, ...hq.contracts, ...events.contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'attendance'),
    projections: Object.values(readModels),
    policies: [
      adminPolicy(facts, options.projectionSuffix),
      schoolPolicy(facts, options.projectionSuffix),
      alertsPolicy(alerts, options.projectionSuffix),
    ],
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A session or group of another tenant, or beyond the caller's school, does not exist.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [RegistersController, ReportsController, SchoolSettingsController],
    providers: [
      { provide: ATTENDANCE_SETTINGS, useValue: settings },
      { provide: REGISTER_BOOK, useClass: PostgresRegisterBook },
      FactsCommandHandler,
      AlertsCommandHandler,
      RegistersCommandHandler,
      LeavesCommandHandler,
      SchoolSettingsCommandHandler,
      RegistersQueryHandler,
    ],
  })
  class AttendanceModule {
    constructor(factsHandler: FactsCommandHandler, alertsHandler: AlertsCommandHandler) {
      facts.set(factsHandler);
      alerts.set(alertsHandler);
    }
  }

  return { definition, module: AttendanceModule };
}
