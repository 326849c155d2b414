import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Kafka, logLevel } from 'kafkajs';
import { Public } from './auth';
import { ServiceRuntime } from './runtime';

const CHECK_TIMEOUT_MS = 1500;

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

/**
 * `/health/live`: the process serves requests (restart it if not).
 * `/health/ready`: Postgres, Kafka and the schema registry all answer now
 * (take it out of the load balancer if not). Each check is bounded, so a
 * dead dependency turns the probe 503 in seconds instead of hanging it.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  // Its own client without retries: a probe must fail fast, not retry for a minute.
  private readonly probeKafka: Kafka;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly runtime: ServiceRuntime,
  ) {
    this.probeKafka = new Kafka({
      clientId: `${runtime.definition.name}-health`,
      brokers: runtime.env.KAFKA_BROKERS,
      connectionTimeout: 1000,
      requestTimeout: 1000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    if (this.runtime.draining) {
      void reply.status(503);
      return { status: 'shutting-down' };
    }
    try {
      return await this.health.check([
        () => this.probe('postgres', () => this.runtime.pool.query('select 1')),
        () => this.probe('kafka', () => this.kafkaAnswers()),
        () => this.probe('schemaRegistry', () => this.registryAnswers()),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }

  private async probe(key: string, check: () => Promise<unknown>) {
    const indicator = this.indicators.check(key);
    try {
      await within(CHECK_TIMEOUT_MS, check());
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async kafkaAnswers() {
    const admin = this.probeKafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async registryAnswers() {
    const response = await fetch(new URL('/subjects', this.runtime.env.SCHEMA_REGISTRY_URL), {
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`registry answered ${response.status}`);
  }
}
