import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  /** Settings that move the figures most: durability is traded for speed in throw-away stacks. */
  postgresSettings: Record<string, string>;
  kafka: string;
  kafkajs: string;
  stack: string;
  /** 1-minute load average when the run began and ended: other work on the machine shows here. */
  loadAverage: { start: number; end?: number };
  commit: string;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

const version = (pkg: string) => {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
};

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

export async function describeMachine(databaseUrl: string, stack: string): Promise<Machine> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const settings: Record<string, string> = {};
  let postgres = 'unknown';
  try {
    postgres = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    for (const name of ['fsync', 'synchronous_commit', 'shared_buffers', 'max_connections']) {
      settings[name] = (await client.query<Record<string, string>>(`show ${name}`)).rows[0][name];
    }
  } finally {
    await client.end();
  }
  const pom = fs.readFileSync(path.join(ROOT, 'tools/devstack/kafka/pom.xml'), 'utf8');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    postgres,
    postgresSettings: settings,
    kafka: /<kafka\.version>([^<]+)</.exec(pom)?.[1] ?? 'unknown',
    kafkajs: version('kafkajs'),
    stack,
    loadAverage: { start: Number(os.loadavg()[0].toFixed(2)) },
    commit,
  };
}
