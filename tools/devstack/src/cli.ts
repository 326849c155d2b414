/**
 * `npm run devstack:up|down|reset|status` and `npm run dev`.
 * `up` runs the supervisor in the background; `dev` runs it in the foreground.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { devstackHome } from './paths';
import { isAlive, portAnswers, sleep, stopProcess, tail, whenOrphaned } from './processes';
import type { ManagedProcess } from './processes';
import { seedDemo } from './demo';
import { startFleet } from './fleet';
import { buildWebApp, presentWebApps, startWebApp, WEB_APPS } from './web';
import type { StackState } from './supervisor';
import { envFileText, runSupervisor } from './supervisor';

const statePath = path.join(devstackHome, 'state.json');
const supervisorLog = path.join(devstackHome, 'logs', 'devstack.log');
const envPath = path.join(devstackHome, 'env');

function readState(): StackState | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as StackState;
    return isAlive(state.supervisorPid) ? state : undefined;
  } catch {
    return undefined;
  }
}

async function up() {
  const running = readState();
  if (running) {
    console.log(`devstack is already running (pid ${running.supervisorPid}); env: ${path.join(devstackHome, 'env')}`);
    return;
  }
  fs.mkdirSync(path.dirname(supervisorLog), { recursive: true });
  const log = fs.openSync(supervisorLog, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, 'run'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: process.env,
  });
  child.unref();
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const state = readState();
    if (state) {
      console.log(`devstack is up (supervisor pid ${state.supervisorPid}).`);
      for (const [key, value] of Object.entries(state.env)) console.log(`  ${key}=${value}`);
      console.log(`Use it in a shell with: source ${path.relative(process.cwd(), path.join(devstackHome, 'env'))}`);
      return;
    }
    if (child.exitCode !== null || child.pid === undefined || !isAlive(child.pid)) {
      console.error(`devstack failed to start:\n${tail(supervisorLog)}`);
      process.exit(1);
    }
    await sleep(500);
  }
  console.error(`devstack did not become ready in time; see ${supervisorLog}`);
  process.exit(1);
}

async function down() {
  const state = readState();
  if (!state) {
    console.log('devstack is not running.');
    return;
  }
  process.kill(state.supervisorPid, 'SIGTERM');
  const deadline = Date.now() + 90_000;
  while (isAlive(state.supervisorPid) && Date.now() < deadline) await sleep(250);
  if (isAlive(state.supervisorPid)) {
    // The supervisor leads its process group (it was started detached), so this takes its servers too.
    console.error('devstack did not stop in time; killing its process group.');
    process.kill(-state.supervisorPid, 'SIGKILL');
  }
  for (const pid of Object.values(state.pids)) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  console.log('devstack stopped; data kept in .devstack/data (npm run devstack:reset wipes it).');
}

async function reset() {
  await down();
  fs.rmSync(devstackHome, { recursive: true, force: true });
  console.log('devstack data wiped.');
}

async function status() {
  const state = readState();
  if (!state) {
    console.log('devstack is not running.');
    process.exitCode = 3;
    return;
  }
  console.log(`devstack supervisor pid ${state.supervisorPid}, up since ${state.startedAt}`);
  const addresses = {
    kafka: state.env.KAFKA_BROKERS.split(',')[0],
    postgres: new URL(state.env.DATABASE_URL).host,
    schemaRegistry: new URL(state.env.SCHEMA_REGISTRY_URL).host,
    ...(state.env.MAILPIT_URL ? { mailpit: new URL(state.env.MAILPIT_URL).host } : {}),
  };
  for (const [part, address] of Object.entries(addresses)) {
    const [host, port] = address.split(':');
    const pid = state.pids[part as keyof typeof state.pids];
    const answers = await portAnswers(Number(port), host);
    console.log(
      `  ${part.padEnd(15)} ${address.padEnd(22)} ${pid ? `pid ${pid}` : 'external'} ${answers ? 'answering' : 'NOT ANSWERING'}`,
    );
  }
}

/**
 * The whole fleet on this machine: the devstack (or the one already running in
 * the background), every service that exists and the gateway, demo tenants with
 * sample data, and the web apps (built once per change, served with `next start`);
 * URLs go to .devstack/env. Ctrl-C stops what it started.
 */
async function dev() {
  const began = Date.now();
  const log = (line: string) => console.error(line);
  const basePort = Number(process.env.DEVSTACK_FLEET_PORT ?? 4000);
  // The web apps' ports (3100 business, 3200 school; DEVSTACK_<APP>_WEB_PORT moves one), allowed by the gateway's CORS.
  const webApps = presentWebApps().map((app) => ({
    app,
    port: Number(process.env[`DEVSTACK_${app.toUpperCase()}_WEB_PORT`] ?? WEB_APPS[app].port),
  }));
  const webOrigins = webApps.flatMap(({ port }) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const webProcesses: ManagedProcess[] = [];
  // Set as soon as the fleet starts starting: a signal during the builds or start-up stops what is up.
  let stopServicesOnly: (() => Promise<void>) | undefined;
  const stopFleet = async () => {
    await Promise.all(webProcesses.map((proc) => stopProcess(proc, 'SIGTERM', 10_000)));
    await stopServicesOnly?.();
  };
  const background = readState();
  if (background) {
    log('Using the devstack running in the background; Ctrl-C stops the services, not the stack.');
    let stopping = false;
    const stopServices = () => {
      if (stopping) return;
      stopping = true;
      void (async () => {
        await stopFleet();
        fs.writeFileSync(envPath, envFileText(background.env));
        log('The services stopped; the devstack keeps running (npm run devstack:down stops it).');
        process.exit(0);
      })();
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stopServices);
    whenOrphaned(stopServices);
  } else {
    log('Starting the Hexfleet devstack in the foreground; Ctrl-C (or SIGTERM, SIGHUP) stops everything.');
    await runSupervisor({
      ephemeral: false,
      home: devstackHome,
      beforeStop: stopFleet,
      stopWithParent: true,
    });
  }
  const stack = (readState() ?? background)?.env;
  if (!stack) throw new Error('the devstack is not running');

  log('Starting the fleet:');
  try {
    // The web apps build while the services build and start (a build is reused while its inputs are unchanged).
    const webBuilds = Promise.all(webApps.map(({ app }) => buildWebApp(app, log)));
    const [fleet] = await Promise.all([
      startFleet({
        home: devstackHome,
        stack,
        basePort,
        log,
        onStarting: (stop) => (stopServicesOnly = stop),
        gatewayEnv: {
          CORS_ORIGINS: ['http://localhost:3100', 'http://localhost:3200', ...webOrigins].join(','),
        },
      }),
      webBuilds,
    ]);
    const webUrls: Record<string, string> = {};
    for (const { app, port } of webApps) {
      const web = await startWebApp(app, {
        port,
        gatewayUrl: fleet.urls.GATEWAY_URL,
        logFile: path.join(devstackHome, 'logs', `${app}-web.log`),
      });
      webProcesses.push(web.process);
      webUrls[WEB_APPS[app].envVar] = web.url;
    }
    fs.writeFileSync(envPath, envFileText({ ...stack, ...fleet.urls, ...webUrls }));
    const logins = await seedDemo(fleet, log);
    log('');
    log(`Hexfleet is up in ${((Date.now() - began) / 1000).toFixed(1)}s. Gateway: ${fleet.urls.GATEWAY_URL}`);
    log(
      `  GraphQL  ${fleet.urls.GATEWAY_URL}/graphql (GraphiQL: /graphiql)    REST  ${fleet.urls.GATEWAY_URL}/api/v1/<module>/...`,
    );
    log(`  Events for integrators  ${fleet.urls.GATEWAY_URL}/asyncapi`);
    for (const { app } of webApps) log(`  ${app} web app  ${webUrls[WEB_APPS[app].envVar]}`);
    if (stack.MAILPIT_URL) log(`  Mail (Mailpit)  ${stack.MAILPIT_URL} (web inbox; SMTP ${stack.SMTP_URL ?? ''})`);
    for (const login of logins) log(`  demo login: tenant ${login.tenant}, ${login.email} / ${login.password}`);
    const here = (file: string) => path.relative(process.cwd(), path.join(devstackHome, file));
    log(`  logs in ${here('logs')}; URLs in ${here('env')} (source it). Ctrl-C stops.`);
  } catch (error) {
    log(`the fleet did not start: ${(error as Error).message}`);
    process.kill(process.pid, 'SIGTERM');
  }
}

const commands: Record<string, () => Promise<void>> = {
  up,
  down,
  reset,
  status,
  dev,
  run: () => runSupervisor({ ephemeral: false, home: devstackHome }),
  ephemeral: () => runSupervisor({ ephemeral: true }),
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(`usage: devstack <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
