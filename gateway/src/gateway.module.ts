import { Module, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import type { EdgeAuth } from './edge-auth';
import type { GatewayEnv } from './config';
import { Upstreams } from './upstreams';
import type { CallerContext } from './upstreams';
import { createLoaders } from './graphql/loaders';
import { HrmsResolver } from './graphql/hrms.resolver';
import { PayrollResolver } from './graphql/payroll.resolver';
import { SchoolResolver } from './graphql/school.resolver';
import { IdentityResolver } from './graphql/identity.resolver';
import { LiveResolver } from './graphql/live.resolver';
import { ProfileResolver } from './graphql/profile.resolver';

/** The request's verified caller, put there by the gateway's HTTP hook before GraphQL runs. */
export type AuthenticatedRequest = FastifyRequest & { caller?: CallerContext };

/** GraphQL (code-first, Mercurius on the same Fastify server) over the services. */
export function gatewayModule(env: GatewayEnv, upstreams: Upstreams, auth: EdgeAuth): Type<unknown> {
  const contextFor = (caller: CallerContext | undefined) =>
    caller ? { caller, loaders: createLoaders(upstreams, caller) } : {};

  @Module({
    imports: [
      GraphQLModule.forRoot<MercuriusDriverConfig>({
        driver: MercuriusDriver,
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        graphiql: false,
        queryDepth: env.GRAPHQL_MAX_DEPTH,
        context: (request: AuthenticatedRequest) => contextFor(request.caller),
        subscription: {
          keepAlive: 10_000,
          // graphql-ws: the token travels in connection_init ({ authorization: 'Bearer ...' }).
          onConnect: async ({ payload }: { payload?: Record<string, string> }) => {
            try {
              return contextFor(await auth.callerFrom(payload?.headers ? Object(payload.headers) : (payload ?? {})));
            } catch {
              return false;
            }
          },
        },
      }),
    ],
    providers: [
      { provide: Upstreams, useValue: upstreams },
      HrmsResolver,
      PayrollResolver,
      SchoolResolver,
      IdentityResolver,
      ProfileResolver,
      LiveResolver,
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
