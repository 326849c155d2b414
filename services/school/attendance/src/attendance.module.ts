import { Module } from '@nestjs/common';
import { commonOptions, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { attendance, TOPIC_CATALOG } from '@hexfleet/schemas';
import { RegistersController } from './adapters/in/registers.http.controller';
import { PostgresRegisterList } from './adapters/out/register-list/register-list.adapter';
import { registerList } from './adapters/out/register-list/register-list.projection';
import { ATTENDANCE_SETTINGS } from './application/attendance-settings';
import type { AttendanceSettings } from './application/attendance-settings';
import { RegisterCommandHandler } from './application/register.command-handler';
import { REGISTER_LIST } from './application/register-list.port';
import { RegisterQueryHandler } from './application/register.query-handler';
import { attendanceEnv } from './attendance.config';
import type { AttendanceOptions } from './attendance.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = ['invalid-register-name'];

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
  const readModels = named({ registerList }, options.projectionSuffix);
  const settings: AttendanceSettings = {
    defaultPageSize: options.defaultPageSize,
    readModels: { registerList: readModels.registerList.name },
  };
  const definition: ServiceDefinition = {
    name: 'attendance',
    source: '/school/attendance',
    description: 'Attendance: registers and their names.',
    contracts: attendance.contracts,
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'attendance'),
    projections: Object.values(readModels),
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A register of another tenant looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [RegistersController],
    providers: [
      { provide: ATTENDANCE_SETTINGS, useValue: settings },
      { provide: REGISTER_LIST, useClass: PostgresRegisterList },
      RegisterCommandHandler,
      RegisterQueryHandler,
    ],
  })
  class AttendanceModule {}

  return { definition, module: AttendanceModule };
}
