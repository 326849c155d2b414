import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/processes';

const cli = path.join(__dirname, '..', 'src', 'cli.ts');

describe('devstack errors a user can fix', () => {
  it('without Java it says so, and points to docker-compose.kafka.yml and KAFKA_BROKERS', async () => {
    // Free ports, so a devstack already running on the defaults (a developer's) does not answer first.
    const ports = {
      DEVSTACK_KAFKA_PORT: String(await freePort()),
      DEVSTACK_KAFKA_CONTROLLER_PORT: String(await freePort()),
      DEVSTACK_POSTGRES_PORT: String(await freePort()),
      DEVSTACK_REGISTRY_PORT: String(await freePort()),
      DEVSTACK_SMTP_PORT: String(await freePort()),
      DEVSTACK_MAILPIT_PORT: String(await freePort()),
    };
    // A PATH with node and nothing else: no java, no mvn.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-nojava-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-home-'));
    const { KAFKA_BROKERS: _k, DATABASE_URL: _d, SCHEMA_REGISTRY_URL: _s, ...rest } = process.env;
    try {
      const up = spawnSync(process.execPath, ['--import', 'tsx', cli, 'up'], {
        env: { ...rest, ...ports, PATH: bin, DEVSTACK_HOME: home },
        encoding: 'utf8',
        timeout: 60_000,
      });
      const said = up.stdout + up.stderr;
      expect(up.status).toBe(1);
      expect(said).toContain('Kafka needs Java 17 or newer');
      expect(said).toContain('docker-compose.kafka.yml');
      expect(said).toContain('KAFKA_BROKERS');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
