import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../src/processes';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Issue 25: `npm run dev` stopped by any signal stops everything it started. The script line is
 * the real one from package.json (`exec node --import tsx ...`, so npm's child is the supervisor
 * itself, with no shell or tsx wrapper between that could die alone or SIGKILL it); the program
 * is a stand-in that runs the real supervisor with `sleep` processes as its fleet, so no Kafka or
 * Postgres is needed. `dev-fleet.int.spec.ts` does the same with the whole fleet (in CI).
 */
describe('npm run dev under a signal to npm', () => {
  jest.setTimeout(120_000);
  const script = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.dev;

  it('runs the supervisor as npm’s own child: no shell or tsx process in between', () => {
    expect(script).toMatch(/^exec node --import tsx tools\/devstack\/src\/cli\.ts dev$/);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL'] as const)(
    '%s to npm alone stops the supervisor, the fleet and a part still starting',
    async (signal) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-signals-'));
      try {
        fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
        const fixture = path.join(__dirname, 'support', 'supervised-sleepers.ts');
        fs.writeFileSync(
          path.join(dir, 'package.json'),
          JSON.stringify({
            name: 'dev-signals',
            private: true,
            scripts: { dev: script.replace('tools/devstack/src/cli.ts dev', fixture) },
          }),
        );
        const npm = spawn('npm', ['run', '--silent', 'dev'], {
          cwd: dir,
          detached: true, // its own group: only the signal we send reaches it
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            DEVSTACK_HOME: dir,
            KAFKA_BROKERS: '127.0.0.1:1',
            DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
            SCHEMA_REGISTRY_URL: 'http://127.0.0.1:1',
          },
        });
        let output = '';
        npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const npmExited = new Promise((resolve) => npm.once('exit', resolve));
        const deadline = Date.now() + 60_000;
        while (!/^PIDS /m.test(output) && Date.now() < deadline) await sleep(100);
        const pids = JSON.parse(/^PIDS (.*)$/m.exec(output)?.[1] ?? 'null') as number[] | null;
        if (!pids) throw new Error(`the stand-in did not start:\n${output}`);
        expect(pids).toHaveLength(4);
        expect(pids.every(isAlive)).toBe(true);
        const [supervisor] = pids;
        expect(fs.readFileSync(`/proc/${supervisor}/stat`, 'utf8').split(' ')[3]).toBe(String(npm.pid)); // npm's child

        process.kill(npm.pid as number, signal);
        await npmExited;
        const stoppedBy = Date.now() + 20_000;
        while (pids.some(isAlive) && Date.now() < stoppedBy) await sleep(100);
        expect(pids.filter(isAlive)).toEqual([]);
        // The supervisor cleaned up after itself, as it does on Ctrl-C.
        expect(fs.existsSync(path.join(dir, 'state.json'))).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
