import path from 'node:path';
import { startKafka } from './kafka';
import { startMailpit } from './mailpit';
import { startPostgres } from './postgres';
import { portAnswers, stopProcess } from './processes';
import { startRegistry } from './registry';

/** What every Hexfleet process reads to find the infrastructure. */
export interface StackEnv {
  KAFKA_BROKERS: string;
  DATABASE_URL: string;
  SCHEMA_REGISTRY_URL: string;
  /** Mailpit's SMTP server, where services send mail (absent in a stack started before Mailpit joined it). */
  SMTP_URL?: string;
  /** Mailpit's web inbox and API. */
  MAILPIT_URL?: string;
}

export interface StackPorts {
  kafka: number;
  kafkaController: number;
  postgres: number;
  registry: number;
  smtp: number;
  mailpit: number;
}

export interface StackOptions {
  home: string;
  ports: StackPorts;
  ephemeral: boolean;
  /** Parts already running elsewhere (KAFKA_BROKERS, DATABASE_URL, SCHEMA_REGISTRY_URL) are used, not started. */
  external: Partial<StackEnv>;
  log: (line: string) => void;
  /** Called at once with a stop for the parts started so far, for a shutdown that comes during start-up. */
  onStarting?: (stop: () => Promise<void>) => void;
}

export interface RunningStack {
  env: StackEnv;
  /** Pids of the processes this stack started, by part. */
  pids: Partial<Record<'kafka' | 'postgres' | 'schemaRegistry' | 'mailpit', number>>;
  stop(): Promise<void>;
}

/** The devstack's fixed ports; each can be moved with an environment variable. */
export function defaultPorts(env: NodeJS.ProcessEnv = process.env): StackPorts {
  return {
    kafka: Number(env.DEVSTACK_KAFKA_PORT ?? 9092),
    kafkaController: Number(env.DEVSTACK_KAFKA_CONTROLLER_PORT ?? 9093),
    postgres: Number(env.DEVSTACK_POSTGRES_PORT ?? 5433),
    registry: Number(env.DEVSTACK_REGISTRY_PORT ?? 8081),
    smtp: Number(env.DEVSTACK_SMTP_PORT ?? 1025),
    mailpit: Number(env.DEVSTACK_MAILPIT_PORT ?? 8025),
  };
}

export function externalParts(env: NodeJS.ProcessEnv = process.env): Partial<StackEnv> {
  const parts: Partial<StackEnv> = {};
  if (env.KAFKA_BROKERS) parts.KAFKA_BROKERS = env.KAFKA_BROKERS;
  if (env.DATABASE_URL) parts.DATABASE_URL = env.DATABASE_URL;
  if (env.SCHEMA_REGISTRY_URL) parts.SCHEMA_REGISTRY_URL = env.SCHEMA_REGISTRY_URL;
  if (env.SMTP_URL && env.MAILPIT_URL) Object.assign(parts, { SMTP_URL: env.SMTP_URL, MAILPIT_URL: env.MAILPIT_URL });
  return parts;
}

/** Starts Kafka, then Postgres, then the registry (which keeps its state in Kafka); stops what it started on failure. */
export async function startStack(opts: StackOptions): Promise<RunningStack> {
  const stops: Array<() => Promise<void>> = [];
  const pids: RunningStack['pids'] = {};
  const logDir = path.join(opts.home, 'logs');
  const stop = async () => {
    for (const stopPart of stops.reverse().splice(0)) await stopPart().catch(() => undefined);
  };
  opts.onStarting?.(stop);
  try {
    let brokers = opts.external.KAFKA_BROKERS;
    if (!brokers) {
      await assertPortsFree('Kafka', opts.ports.kafka, opts.ports.kafkaController);
      opts.log(`starting Kafka (KRaft) on 127.0.0.1:${opts.ports.kafka}`);
      const kafka = await startKafka(
        {
          dataDir: path.join(opts.home, 'data', 'kafka'),
          logDir,
          port: opts.ports.kafka,
          controllerPort: opts.ports.kafkaController,
          heap: opts.ephemeral ? '768m' : '1g',
        },
        opts.log,
      );
      stops.push(() => stopProcess(kafka, 'SIGTERM', 30_000));
      pids.kafka = kafka.child.pid;
      brokers = `127.0.0.1:${opts.ports.kafka}`;
    }

    let databaseUrl = opts.external.DATABASE_URL;
    if (!databaseUrl) {
      await assertPortsFree('Postgres', opts.ports.postgres);
      opts.log(`starting Postgres on 127.0.0.1:${opts.ports.postgres}`);
      const pg = await startPostgres({
        dataDir: path.join(opts.home, 'data', 'postgres'),
        logDir,
        port: opts.ports.postgres,
        ephemeral: opts.ephemeral,
      });
      stops.push(() => pg.stop());
      pids.postgres = pg.pid;
      databaseUrl = pg.url;
    }

    let registryUrl = opts.external.SCHEMA_REGISTRY_URL;
    if (!registryUrl) {
      await assertPortsFree('the schema registry', opts.ports.registry);
      opts.log(`starting the schema registry on 127.0.0.1:${opts.ports.registry}`);
      const registry = await startRegistry({ brokers, port: opts.ports.registry, logDir });
      stops.push(() => stopProcess(registry.proc));
      pids.schemaRegistry = registry.proc.child.pid;
      registryUrl = registry.url;
    }

    let mail = { SMTP_URL: opts.external.SMTP_URL, MAILPIT_URL: opts.external.MAILPIT_URL };
    if (!mail.SMTP_URL || !mail.MAILPIT_URL) {
      await assertPortsFree('Mailpit', opts.ports.smtp, opts.ports.mailpit);
      opts.log(`starting Mailpit: SMTP on 127.0.0.1:${opts.ports.smtp}, web inbox on 127.0.0.1:${opts.ports.mailpit}`);
      const mailpit = await startMailpit({
        smtpPort: opts.ports.smtp,
        uiPort: opts.ports.mailpit,
        logDir,
        log: opts.log,
      });
      stops.push(() => mailpit.stop());
      pids.mailpit = mailpit.proc.child.pid;
      mail = mailpit.env;
    }

    return {
      env: { KAFKA_BROKERS: brokers, DATABASE_URL: databaseUrl, SCHEMA_REGISTRY_URL: registryUrl, ...mail },
      pids,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function assertPortsFree(part: string, ...ports: number[]) {
  for (const port of ports) {
    if (await portAnswers(port)) {
      throw new Error(
        `Cannot start ${part}: port ${port} is already in use. Stop what listens there, ` +
          `move the devstack with DEVSTACK_*_PORT, or use the running server through its URL variable.`,
      );
    }
  }
}
