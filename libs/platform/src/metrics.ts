import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { consumerLag, dlqTopic, relayBacklog, topicRecordCount } from '@hexfleet/eventing';
import type { RelayBacklog } from '@hexfleet/eventing';
import type { Admin } from 'kafkajs';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from './auth';
import type { ServiceRuntime } from './runtime';

/**
 * Prometheus metrics of one service. Counters and histograms move on the hot
 * path; backlog, lag and DLQ gauges are measured when Prometheus scrapes, so an
 * idle service costs nothing and a scrape always sees the present.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'eventstore_append_duration_seconds',
    help: 'Event store append latency (one transaction)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'eventstore_events_appended_total',
    help: 'Events appended to the store',
    registers: [this.registry],
  });
  readonly eventsPublished = new Counter({
    name: 'relay_events_published_total',
    help: 'Events the relay published to Kafka',
    registers: [this.registry],
  });
  readonly eventsApplied = new Counter({
    name: 'projection_events_applied_total',
    help: 'Events applied to read models',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  private admin?: Promise<Admin>;
  private scrapeBacklog?: Promise<RelayBacklog | undefined>;

  constructor(private readonly runtime: ServiceRuntime) {
    collectDefaultMetrics({ register: this.registry });
    const backlog = () => this.backlog();
    const runners = () => this.runners();
    const withAdmin = <T>(work: (admin: Admin) => Promise<T>) => this.withAdmin(work);
    new Gauge({
      name: 'relay_backlog_events',
      help: 'Events stored but not yet published to Kafka',
      registers: [this.registry],
      async collect() {
        this.set((await backlog())?.events ?? -1);
      },
    });
    const leader = () => this.runtime.relay?.leader ?? false;
    new Gauge({
      name: 'relay_leader',
      help: '1 on the one replica whose relay publishes (it holds the lock), 0 on the others',
      registers: [this.registry],
      collect() {
        this.set(leader() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'relay_lag_seconds',
      help: 'Age of the oldest event not yet published (0 when none wait)',
      registers: [this.registry],
      async collect() {
        this.set((await backlog())?.lagSeconds ?? -1);
      },
    });
    new Gauge({
      name: 'consumer_lag_records',
      help: 'Records not yet processed, per consumer group (projections and policies)',
      labelNames: ['group'] as const,
      registers: [this.registry],
      async collect() {
        for (const runner of runners()) {
          const lag = await withAdmin((admin) => consumerLag(admin, runner.group, runner.topics));
          if (lag !== undefined) this.set({ group: runner.group }, lag);
        }
      },
    });
    new Gauge({
      name: 'dlq_records',
      help: 'Records in each consumer group dead-letter topic',
      labelNames: ['group'] as const,
      registers: [this.registry],
      async collect() {
        for (const runner of runners()) {
          const count = await withAdmin((admin) => topicRecordCount(admin, dlqTopic(runner.group)));
          if (count !== undefined) this.set({ group: runner.group }, count);
        }
      },
    });
  }

  async close(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }

  /** The exposition text. Backlog and lag come from one query per scrape, shared by both gauges. */
  async scrape(): Promise<string> {
    this.scrapeBacklog = undefined;
    return this.registry.metrics();
  }

  private backlog() {
    if (!this.runtime.relay) return undefined;
    this.scrapeBacklog ??= relayBacklog(this.runtime.pool, this.runtime.definition.name).catch(() => undefined);
    return this.scrapeBacklog;
  }

  private runners() {
    return [
      ...this.runtime.projectionRunners.map((r) => ({ group: r.group, topics: r.topics })),
      ...this.runtime.policyRunners.map((r) => ({ group: r.group, topics: r.topics })),
    ];
  }

  /** A scrape while Kafka is away reports what it can; the gauge keeps its last value. */
  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T | undefined> {
    this.admin ??= (async () => {
      const admin = this.runtime.kafka.admin();
      await admin.connect();
      return admin;
    })();
    try {
      return await work(await this.admin);
    } catch {
      this.admin = undefined;
      return undefined;
    }
  }
}

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape() {
    return this.metrics.scrape();
  }
}
