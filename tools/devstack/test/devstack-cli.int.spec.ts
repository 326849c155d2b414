import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from '../src/processes';
import type { StackState } from '../src/supervisor';

const cli = path.join(__dirname, '..', 'src', 'cli.ts');

/** Every process in a process group, from `ps`: what "no orphans" is checked against. */
const processesInGroup = (pgid: number) =>
  execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .map(([pid]) => pid);

describe('npm run devstack:up / status / down / reset', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-cli-'));
  let env: NodeJS.ProcessEnv;
  const devstack = (command: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, command], { env, encoding: 'utf8', timeout: 240_000 });

  beforeAll(async () => {
    // A second, private devstack: its own folder and ports, and none of the test stack's URLs.
    const { KAFKA_BROKERS: _k, DATABASE_URL: _d, SCHEMA_REGISTRY_URL: _s, ...rest } = process.env;
    env = {
      ...rest,
      DEVSTACK_HOME: home,
      DEVSTACK_KAFKA_PORT: String(await freePort()),
      DEVSTACK_KAFKA_CONTROLLER_PORT: String(await freePort()),
      DEVSTACK_POSTGRES_PORT: String(await freePort()),
      DEVSTACK_REGISTRY_PORT: String(await freePort()),
      DEVSTACK_SMTP_PORT: String(await freePort()),
      DEVSTACK_MAILPIT_PORT: String(await freePort()),
    };
  });
  afterAll(() => {
    devstack('reset');
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('comes up, answers through the env file, and goes down leaving no process behind', async () => {
    const up = devstack('up');
    if (up.status !== 0) throw new Error(`devstack up failed:\n${up.stdout}\n${up.stderr}`);
    expect(up.stdout).toContain('devstack is up');

    // `.devstack/env` works with `source`.
    const sourced = execFileSync(
      'bash',
      ['-c', `source ${home}/env && echo "$KAFKA_BROKERS|$DATABASE_URL|$SCHEMA_REGISTRY_URL"`],
      {
        encoding: 'utf8',
      },
    );
    const [brokers, databaseUrl, registryUrl] = sourced.trim().split('|');
    expect(brokers).toBe(`127.0.0.1:${env.DEVSTACK_KAFKA_PORT}`);

    const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    expect((await admin.describeCluster()).brokers).toHaveLength(1);
    await admin.disconnect();
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    expect((await pg.query('select 1 as one')).rows[0].one).toBe(1);
    await pg.end();
    expect((await fetch(`${registryUrl}/subjects`)).status).toBe(200);

    expect(devstack('status').status).toBe(0);
    const state = JSON.parse(fs.readFileSync(path.join(home, 'state.json'), 'utf8')) as StackState;
    const started = [state.supervisorPid, ...Object.values(state.pids)] as number[];
    expect(started).toHaveLength(4); // supervisor, Kafka, Postgres, registry
    expect(processesInGroup(state.supervisorPid)).toEqual(expect.arrayContaining(started));

    const down = devstack('down');
    expect(down.status).toBe(0);
    expect(processesInGroup(state.supervisorPid)).toEqual([]);
    expect(fs.existsSync(path.join(home, 'data', 'kafka', 'meta.properties'))).toBe(true); // data kept
    expect(devstack('status').status).toBe(3); // not running

    expect(devstack('reset').status).toBe(0);
    expect(fs.existsSync(home)).toBe(false);
  });
});
