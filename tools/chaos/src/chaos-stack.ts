import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  freePort,
  ManagedProcess,
  RunningPostgres,
  startKafka,
  startPostgres,
  startRegistry,
  stopProcess,
} from '@hexfleet/devstack';
import { sleep } from './clock';
import { Toxiproxy } from './toxiproxy';

/**
 * Kafka, Postgres and the schema registry of the chaos run's own, on free ports and
 * in a folder of its own, each of which a scenario can kill (`kill -9`), stop and
 * start again on the same port and data. Nothing is shared with the test run's stack:
 * killing its broker would fail every other test.
 */
export class ChaosStack {
  private kafka?: ManagedProcess;
  private postgres?: RunningPostgres;
  private registry?: ManagedProcess;
  /** Between every client and the broker, when a scenario needs a slow network. */
  toxiproxy?: Toxiproxy;
  /** Why there is no proxy, when one was asked for and could not be built. */
  noProxy?: string;

  private constructor(
    readonly dir: string,
    private readonly ports: {
      kafka: number;
      controller: number;
      postgres: number;
      registry: number;
      proxy: number;
    },
    private readonly log: (line: string) => void,
  ) {}

  /** `withProxy`: put Toxiproxy in front of the broker (the broker advertises the proxy's port). */
  static async start(log: (line: string) => void, withProxy = false): Promise<ChaosStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-chaos-'));
    // Postgres runs as its own unprivileged user when we are root: it must reach its folder.
    fs.chmodSync(dir, 0o755);
    const ports = {
      kafka: await freePort(),
      controller: await freePort(),
      postgres: await freePort(),
      registry: await freePort(),
      proxy: await freePort(),
    };
    const stack = new ChaosStack(dir, ports, log);
    if (withProxy) {
      const binary = Toxiproxy.binary();
      stack.noProxy = binary.why;
      if (binary.path) {
        fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
        stack.toxiproxy = await Toxiproxy.start(binary.path, path.join(dir, 'logs', 'toxiproxy.log'));
        await stack.toxiproxy.proxy('kafka', ports.proxy, ports.kafka);
      }
    }
    await Promise.all([stack.startKafka(), stack.startPostgres()]);
    await stack.startRegistry();
    return stack;
  }

  get brokers(): string {
    return `127.0.0.1:${this.toxiproxy ? this.ports.proxy : this.ports.kafka}`;
  }

  get registryUrl(): string {
    return `http://127.0.0.1:${this.ports.registry}`;
  }

  /** The cluster's `postgres` database; services get databases of their own (`createDatabase`). */
  get adminUrl(): string {
    if (!this.postgres) throw new Error('postgres is not running');
    return this.postgres.url;
  }

  databaseUrl(name: string): string {
    return this.adminUrl.replace(/\/postgres$/, `/${name}`);
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(`create database ${name}`);
    } finally {
      await client.end();
    }
    return this.databaseUrl(name);
  }

  async startKafka(): Promise<void> {
    this.kafka = await startKafka(
      {
        dataDir: path.join(this.dir, 'kafka'),
        logDir: path.join(this.dir, 'logs'),
        port: this.ports.kafka,
        controllerPort: this.ports.controller,
        heap: '512m',
        advertisedPort: this.toxiproxy ? this.ports.proxy : undefined,
      },
      this.log,
    );
  }

  async killKafka(): Promise<void> {
    if (this.kafka) await stopProcess(this.kafka, 'SIGKILL');
  }

  async startPostgres(): Promise<void> {
    // After a `kill -9` of the postmaster its backends notice and exit; until they have,
    // a new postmaster refuses the data folder. Try for a while.
    for (let attempt = 1; ; attempt++) {
      try {
        this.postgres = await startPostgres({
          dataDir: path.join(this.dir, 'postgres', 'data'),
          logDir: path.join(this.dir, 'logs'),
          port: this.ports.postgres,
          ephemeral: false,
        });
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await sleep(500);
      }
    }
  }

  /** Postgres's fast shutdown (SIGINT): open transactions roll back, connections are closed. */
  async stopPostgres(): Promise<void> {
    await this.postgres?.stop();
  }

  /** `kill -9` of the postmaster: no shutdown at all; the next start runs crash recovery. */
  async killPostgres(): Promise<void> {
    const pid = this.postgres?.pid;
    if (!pid) throw new Error('no postmaster pid to kill');
    process.kill(pid, 'SIGKILL');
    while (alive(pid)) await sleep(50);
  }

  async startRegistry(): Promise<void> {
    ({ proc: this.registry } = await startRegistry({
      brokers: this.brokers,
      port: this.ports.registry,
      logDir: path.join(this.dir, 'logs'),
    }));
  }

  async stopRegistry(): Promise<void> {
    if (this.registry) await stopProcess(this.registry, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await this.stopRegistry().catch(() => undefined);
    await this.toxiproxy?.stop();
    await this.killKafka().catch(() => undefined);
    await this.stopPostgres().catch(() => undefined);
    // CHAOS_KEEP=1 keeps the run's folder (the broker's, the database's and each service's logs) to look into a failure.
    if (process.env.CHAOS_KEEP) this.log(`run folder kept: ${this.dir}`);
    else fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
