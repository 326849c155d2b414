import { Logger } from '@nestjs/common';
import {
  AvroSerde,
  ClusterPolicy,
  ensureTopics,
  EventContract,
  LOCAL_CLUSTER,
  migrateSharedTables,
  Policy,
  policyGroup,
  PolicyRunner,
  PostgresEventStore,
  Projection,
  projectionGroup,
  ProjectionRunner,
  Relay,
  tenantSchema,
  TopicSpec,
} from '@hexfleet/eventing';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import type { Clock, IdGenerator, TenantId } from '@hexfleet/kernel';
import type { PlatformEnv } from './config';
import { ServiceMetrics } from './metrics';

/** Postgres: undefined_table, invalid_schema_name. */
const MISSING = new Set(['42P01', '3F000']);

/** What a service is, for the platform: its name, its contracts, and the workers it runs. */
export interface ServiceDefinition {
  /** The Nx project and service name, e.g. `libraries`. */
  name: string;
  /** CloudEvents `ce_source`, e.g. `/school/libraries`. */
  source: string;
  /** Every event type the service writes or reads. */
  contracts: readonly EventContract[];
  /** The topics it owns, created (never altered) at start. */
  topics?: readonly TopicSpec[];
  projections?: readonly Projection[];
  policies?: readonly Policy[];
  cluster?: ClusterPolicy;
  /** DomainError codes answered 422 instead of 409. */
  unprocessable?: readonly string[];
  /** DomainError codes (or patterns) answered 404, e.g. `/-not-found$/`. */
  notFound?: ReadonlyArray<string | RegExp>;
  /** One line about the service, for its OpenAPI document. */
  description?: string;
  /** The clock commands read (TimeAndIds); the system clock when not given. */
  clock?: Clock;
  /** Where new ids come from (TimeAndIds); UUIDv7 when not given. */
  ids?: IdGenerator;
}

/**
 * The Kafka consumer groups a service joins and their topics: what an operator
 * resets or redrives, and what a test starts at the topics' ends.
 */
export const consumerGroups = (definition: Pick<ServiceDefinition, 'projections' | 'policies'>) => [
  ...(definition.projections ?? []).map((p) => ({ groupId: projectionGroup(p), topics: p.topics })),
  ...(definition.policies ?? []).map((p) => ({ groupId: policyGroup(p), topics: p.topics })),
];

/**
 * The infrastructure one service process holds (pool, Kafka, registry, event
 * store) and the workers on it (relay, projection and policy runners), started
 * and stopped in an order that loses nothing: on shutdown the consumers finish
 * and commit their batch first, then the relay its batch and checkpoint, then
 * connections close.
 */
export class ServiceRuntime {
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly serde: AvroSerde;
  readonly store: PostgresEventStore;
  readonly projectionRunners: ProjectionRunner[];
  readonly policyRunners: PolicyRunner[];
  readonly metrics: ServiceMetrics;
  relay?: Relay;
  /** Set when shutdown begins: readiness answers 503 and responses close their connection. */
  draining = false;
  private readonly logger = new Logger('Runtime');

  constructor(
    readonly definition: ServiceDefinition,
    readonly env: PlatformEnv,
  ) {
    this.pool = new Pool({ connectionString: env.DATABASE_URL, max: 20, connectionTimeoutMillis: 5000 });
    // A connection that drops while idle (Postgres restarting) must not crash the process.
    this.pool.on('error', (error) => this.logger.warn(`idle Postgres connection lost: ${error.message}`));
    // ...nor one that drops while checked out: pg-pool listens for errors only on idle clients, and
    // an 'error' with no listener kills the process. The query in flight fails with the same error,
    // and its caller's release(error) discards the client.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.kafka = new Kafka({
      clientId: definition.name,
      brokers: env.KAFKA_BROKERS,
      logLevel: logLevel.ERROR,
      logCreator: () => (entry) =>
        this.logger.error(`kafkajs: ${entry.log.message}${entry.log.error ? `: ${String(entry.log.error)}` : ''}`),
    });
    this.serde = AvroSerde.forUrl(env.SCHEMA_REGISTRY_URL, definition.contracts);
    this.metrics = new ServiceMetrics(this);
    this.store = new PostgresEventStore(this.pool, {
      onAppend: (seconds, events) => {
        this.metrics.appendDuration.observe(seconds);
        this.metrics.eventsAppended.inc(events);
      },
    });
    const cluster = this.cluster;
    this.projectionRunners = (definition.projections ?? []).map(
      (projection) =>
        new ProjectionRunner({
          projection,
          kafka: this.kafka,
          pool: this.pool,
          serde: this.serde,
          cluster,
          startAt: env.NEW_CONSUMER_GROUPS_START_AT,
          fleet: env.FLEET_ID,
          sessionTimeoutMs: env.CONSUMER_SESSION_TIMEOUT_MS,
          onApplied: (count) => this.metrics.eventsApplied.inc({ projection: projection.name }, count),
        }),
    );
    this.policyRunners = (definition.policies ?? []).map(
      (policy) =>
        new PolicyRunner({
          policy,
          kafka: this.kafka,
          serde: this.serde,
          cluster,
          startAt: env.NEW_CONSUMER_GROUPS_START_AT,
          fleet: env.FLEET_ID,
          sessionTimeoutMs: env.CONSUMER_SESSION_TIMEOUT_MS,
          onRejected: (event, error) => this.logger.warn(`${policy.name} refused ${event.type}: ${error.message}`),
        }),
    );
  }

  /** The topic an event type is published on; undefined for a type this service has no contract for. */
  topicOf(eventType: string): string | undefined {
    return this.definition.contracts.find((contract) => contract.type === eventType)?.topic;
  }

  /** The topics a projection of this service reads; undefined for a name it does not run. */
  projectionTopics(projection: string): readonly string[] | undefined {
    return this.definition.projections?.find((p) => p.name === projection)?.topics;
  }

  /**
   * A read-model query in the tenant's schema. The schema name comes only from a
   * valid TenantId, quoted; a tenant whose read model does not exist yet has no rows.
   */
  async queryTenant<Row extends object>(
    tenant: TenantId,
    sql: (schema: string) => string,
    params: unknown[] = [],
  ): Promise<Row[]> {
    try {
      return (await this.pool.query<Row>(sql(tenantSchema(tenant)), params)).rows;
    } catch (error) {
      if (MISSING.has((error as { code?: string }).code ?? '')) return [];
      throw error;
    }
  }

  /** How the topics this service creates are replicated: the environment's, else the definition's, else local. */
  get cluster(): ClusterPolicy {
    const policy = this.definition.cluster ?? LOCAL_CLUSTER;
    return {
      replicationFactor: this.env.KAFKA_REPLICATION_FACTOR ?? policy.replicationFactor,
      minInSyncReplicas: this.env.KAFKA_MIN_INSYNC_REPLICAS ?? policy.minInSyncReplicas,
    };
  }

  /**
   * What must exist before any replica serves: the event store's tables, the read models' shared
   * tables, the schemas in the registry, the service's topics. Idempotent and safe to run from
   * several processes at once; `main.js --prepare` runs only this (the Helm chart's pre-install and
   * pre-upgrade Job), and start() runs it again, as a no-op, before the workers.
   * Tenant schemas are created by the projection runners on a tenant's first event.
   */
  async prepare(): Promise<void> {
    await this.store.migrate();
    if (this.definition.projections?.length) await migrateSharedTables(this.pool);
    await this.serde.registerAll();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.definition.topics ?? [], this.cluster);
    } finally {
      await admin.disconnect();
    }
  }

  /** Prepares (migrations, schemas, topics), then starts the relay and every runner. */
  async start(): Promise<void> {
    await this.prepare();
    if (this.definition.topics?.length) {
      this.relay = new Relay({
        name: this.definition.name,
        databaseUrl: this.env.DATABASE_URL,
        kafka: this.kafka,
        serde: this.serde,
        source: this.definition.source,
        fleet: this.env.FLEET_ID,
        onBatch: (published) => this.metrics.eventsPublished.inc(published),
        onError: (error) => this.logger.warn(`relay: ${(error as Error).message}`),
      });
      this.relay.start();
    }
    for (const runner of [...this.projectionRunners, ...this.policyRunners]) await runner.start();
  }

  async stop(): Promise<void> {
    for (const runner of [...this.projectionRunners, ...this.policyRunners]) {
      await runner.stop().catch((error: Error) => this.logger.warn(`stopping ${runner.group}: ${error.message}`));
    }
    await this.relay?.stop();
    await this.metrics.close();
    await this.pool.end();
  }
}
