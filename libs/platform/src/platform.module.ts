import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard, TokenVerifier } from './auth';
import { Commands, Consistency } from './commands';
import { Streams } from './streams';
import type { PlatformEnv } from './config';
import { HealthController } from './health';
import { MetricsController, ServiceMetrics } from './metrics';
import { ProblemDetailsFilter, validationPipe } from './problem';
import { ServiceRuntime } from './runtime';
import { TimeAndIds } from './time-and-ids';
import { systemClock, uuidV7Ids } from '@hexfleet/eventing';

export const PLATFORM_ENV = Symbol('PlatformEnv');

/** Starts the runtime after every module is ready; stops it after the HTTP server has closed. */
@Injectable()
class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  onApplicationBootstrap() {
    return this.runtime.start();
  }

  beforeApplicationShutdown() {
    this.runtime.draining = true;
  }

  onApplicationShutdown() {
    return this.runtime.stop();
  }
}

/**
 * What turns a service module into a running service: config, runtime
 * (pool, Kafka, registry, event store, relay, runners), token checks on every
 * route, problem+json errors, validation, health and metrics. Global, so the
 * service's own providers inject ServiceRuntime, TimeAndIds, Commands, Consistency and Streams.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    const env: PlatformEnv = runtime.env;
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ServiceRuntime, useValue: runtime },
        { provide: ServiceMetrics, useValue: runtime.metrics },
        { provide: PLATFORM_ENV, useValue: env },
        {
          provide: TokenVerifier,
          useValue: new TokenVerifier({
            jwksUrl: env.JWKS_URL,
            jwksJson: env.JWKS_JSON,
            issuer: env.JWT_ISSUER,
            audience: env.JWT_AUDIENCE,
          }),
        },
        RuntimeLifecycle,
        {
          provide: TimeAndIds,
          useValue: new TimeAndIds(runtime.definition.clock ?? systemClock, runtime.definition.ids ?? uuidV7Ids),
        },
        Commands,
        Consistency,
        Streams,
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: APP_FILTER,
          useValue: new ProblemDetailsFilter({
            unprocessable: runtime.definition.unprocessable,
            notFound: runtime.definition.notFound,
          }),
        },
        { provide: APP_PIPE, useFactory: validationPipe },
      ],
      exports: [
        ServiceRuntime,
        ServiceMetrics,
        TokenVerifier,
        TimeAndIds,
        Commands,
        Consistency,
        Streams,
        PLATFORM_ENV,
      ],
    };
  }
}
