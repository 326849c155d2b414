import { Module, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import { metaFrom } from './edge-auth';
import type { EdgeAuth } from './edge-auth';
import type { GatewayEnv } from './config';
import { Upstreams } from './upstreams';
import type { CallerContext, RequestMeta } from './upstreams';
import type { GqlContext } from './graphql/common/context';
import { createLoaders } from './graphql/common/loaders';
import { Rest } from './graphql/common/rest';
import { LiveViews } from './graphql/live/live-views';
import { HrmsResolver } from './graphql/hrms/hrms.resolver';
import { AttendanceResolver } from './graphql/hrms/attendance.resolver';
import { HrmsLiveResolver } from './graphql/hrms/hrms-live.resolver';
import { JobOpeningsResolver } from './graphql/hrms/job-openings.resolver';
import { LeaveSetupResolver } from './graphql/hrms/leave-setup.resolver';
import { LeaveCalendarResolver, LeaveResolver } from './graphql/hrms/leave.resolver';
import { PayrollResolver } from './graphql/payroll/payroll.resolver';
import { SalaryResolver } from './graphql/payroll/salary.resolver';
import { PayrollEmployeesResolver } from './graphql/payroll/payroll-employees.resolver';
import { PayrollLiveResolver } from './graphql/payroll/payroll-live.resolver';
import { CalendarsResolver } from './graphql/events/calendars.resolver';
import { EventsResolver } from './graphql/events/events.resolver';
import { CatalogueResolver } from './graphql/libraries/catalogue.resolver';
import { CopiesResolver } from './graphql/libraries/copies.resolver';
import { HoldsResolver } from './graphql/libraries/holds.resolver';
import { LibrariesLiveResolver } from './graphql/libraries/libraries-live.resolver';
import { LoansResolver } from './graphql/libraries/loans.resolver';
import { PatronsResolver } from './graphql/libraries/patrons.resolver';
import { IdentityResolver } from './graphql/identity/identity.resolver';
import { AuthResolver } from './graphql/identity/auth.resolver';
import { UsersResolver } from './graphql/identity/users.resolver';
import { LiveResolver } from './graphql/live/live.resolver';
import { ProfileResolver } from './graphql/profile/profile.resolver';
import { GuardiansResolver } from './graphql/profile/guardians.resolver';
import { AcademicYearsResolver } from './graphql/hq/academic-years.resolver';
import { DashboardsResolver } from './graphql/hq/dashboards.resolver';
import { RolloverResolver } from './graphql/hq/rollover.resolver';
import { SchoolsResolver } from './graphql/hq/schools.resolver';
import { TransfersResolver } from './graphql/hq/transfers.resolver';
import { AdminImportsResolver } from './graphql/admin/imports.resolver';
import { AdminSchoolResolver } from './graphql/admin/school.resolver';
import { AdminStudentsResolver } from './graphql/admin/students.resolver';
import { AdminTimetableResolver } from './graphql/admin/timetable.resolver';
import { AttendanceLiveResolver } from './graphql/attendance/attendance-live.resolver';
import { SchoolAttendanceResolver } from './graphql/attendance/attendance.resolver';
import { ChatLiveResolver } from './graphql/chat/chat-live.resolver';
import { ChatResolver } from './graphql/chat/chat.resolver';
import { PipelineResolver } from './graphql/pipeline/pipeline.resolver';
import { NotificationsLiveResolver } from './graphql/notifications/notifications-live.resolver';
import { NotificationsResolver } from './graphql/notifications/notifications.resolver';

/** Every resolver of the GraphQL API; the service generator adds a new module's here. */
export const RESOLVERS = [
  HrmsResolver,
  LeaveResolver,
  LeaveCalendarResolver,
  LeaveSetupResolver,
  AttendanceResolver,
  JobOpeningsResolver,
  HrmsLiveResolver,
  PayrollResolver,
  SalaryResolver,
  PayrollEmployeesResolver,
  PayrollLiveResolver,
  CatalogueResolver,
  CopiesResolver,
  HoldsResolver,
  LoansResolver,
  PatronsResolver,
  LibrariesLiveResolver,
  CalendarsResolver,
  EventsResolver,
  IdentityResolver,
  AuthResolver,
  UsersResolver,
  ProfileResolver,
  GuardiansResolver,
  LiveResolver,
  SchoolsResolver,
  AcademicYearsResolver,
  DashboardsResolver,
  TransfersResolver,
  RolloverResolver,
  AdminSchoolResolver,
  AdminStudentsResolver,
  AdminTimetableResolver,
  AdminImportsResolver,
  SchoolAttendanceResolver,
  AttendanceLiveResolver,
  ChatResolver,
  ChatLiveResolver,
  PipelineResolver,
  NotificationsResolver,
  NotificationsLiveResolver,
];

/** The request's verified caller (absent without a token), put there by the gateway's HTTP hook before GraphQL runs. */
export type AuthenticatedRequest = FastifyRequest & { caller?: CallerContext };

/** GraphQL (code-first, Mercurius on the same Fastify server) over the services. */
export function gatewayModule(env: GatewayEnv, upstreams: Upstreams, auth: EdgeAuth): Type<unknown> {
  // `meta`, not `request`: Mercurius keeps the HTTP request of a subscription's connection as `request`.
  const contextFor = (meta: RequestMeta, caller: CallerContext | undefined): GqlContext => ({
    meta,
    caller,
    loaders: caller ? createLoaders(upstreams, caller) : undefined,
    freshness: new Set(),
  });

  @Module({
    imports: [
      GraphQLModule.forRoot<MercuriusDriverConfig>({
        driver: MercuriusDriver,
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        // A query seen twice is compiled to JavaScript (graphql-jit) and runs as that from then on.
        jit: 1,
        // GraphiQL (its page loads its scripts from a CDN) for development only.
        graphiql: env.GRAPHIQL,
        // Depth and cost are limited by the gateway's own hook (common/limits.ts), which exempts introspection.
        context: (request: AuthenticatedRequest) => contextFor(metaFrom(request.headers, request.ip), request.caller),
        subscription: {
          keepAlive: 10_000,
          // graphql-ws: the token travels in connection_init ({ authorization: 'Bearer ...' }).
          onConnect: async ({ payload }: { payload?: Record<string, string> }) => {
            const headers = payload?.headers ? Object(payload.headers) : (payload ?? {});
            try {
              return contextFor(metaFrom(headers), await auth.callerFrom(headers));
            } catch {
              return false;
            }
          },
        },
      }),
    ],
    providers: [{ provide: Upstreams, useValue: upstreams }, Rest, LiveViews, ...RESOLVERS],
  })
  class GatewayModule {}
  return GatewayModule;
}
