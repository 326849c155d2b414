import fs from 'node:fs';
import path from 'node:path';
import { relayBacklog, tenantSchema } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { startSeparateService } from '@hexfleet/testing';
import type { DevIssuer, SeparateService } from '@hexfleet/testing';
import { sleep } from './measure';

const PRELOAD = path.resolve(__dirname, '..', 'preload', 'cpu-profile.cjs');
export const HRMS_PROJECT = 'services/business/hrms';

export interface Profiling {
  /** Stops the profiler; resolves to the `.cpuprofile` file once written. */
  stop(): Promise<string>;
}

export interface ServiceUnderTest extends SeparateService {
  /** Starts V8's CPU profiler inside the service process. */
  startProfile(): Profiling;
  /** CPU time (user + system) the process has used so far, in ms; undefined where /proc is missing. */
  cpuMs(): number | undefined;
}

/** Linux's clock tick is 100 Hz on every architecture Node supports. */
const TICKS_PER_SECOND = 100;

function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * A service as deployed (built, `node dist/<project>/src/main.js`, its own
 * process, database and consumer groups), at LOG_LEVEL=info as in production
 * (stdout discarded), with the profiler hook preloaded: it costs nothing until
 * the harness signals it.
 */
export async function startProfiledService(
  project: string,
  issuer: DevIssuer,
  profileDir: string,
  env: NodeJS.ProcessEnv = {},
  database = true,
): Promise<ServiceUnderTest> {
  const profileFile = path.join(profileDir, `${path.basename(project)}.cpuprofile`);
  const service = await startSeparateService(project, issuer, {
    database,
    env: { NODE_OPTIONS: `--require ${PRELOAD}`, BENCH_CPU_PROFILE: profileFile, LOG_LEVEL: 'info', ...env },
  });
  const pid = Number(fs.readFileSync(`${profileFile}.pid`, 'utf8'));
  return {
    ...service,
    cpuMs: () => processCpuMs(pid),
    startProfile() {
      fs.rmSync(profileFile, { force: true });
      process.kill(pid, 'SIGUSR2');
      return {
        async stop() {
          process.kill(pid, 'SIGUSR2');
          for (let waited = 0; !fs.existsSync(profileFile); waited += 100) {
            if (waited > 30_000) throw new Error(`${project} wrote no CPU profile within 30 s`);
            await sleep(100);
          }
          return profileFile;
        },
      };
    },
  };
}

export const startHrms = (issuer: DevIssuer, profileDir: string) =>
  startProfiledService(HRMS_PROJECT, issuer, profileDir);

function poolOf(service: SeparateService) {
  if (!service.db) throw new Error('the service has no database of its own');
  return service.db.pool;
}

/** Employees in the directory read models of `tenants` (a tenant with no table yet has none). */
export async function directorySize(service: SeparateService, tenants: readonly TenantId[]): Promise<number> {
  let total = 0;
  for (const tenant of tenants) {
    const { rows } = await poolOf(service)
      .query<{ n: string }>(`select count(*) as n from ${tenantSchema(tenant)}.employees`)
      .catch(() => ({ rows: [{ n: '0' }] }));
    total += Number(rows[0].n);
  }
  return total;
}

/**
 * Waits until HRMS has published everything it stored and its directory has
 * applied every hire, so one measurement does not pay for the last one's backlog.
 */
export async function settle(
  service: SeparateService,
  tenants: readonly TenantId[],
  log: (line: string) => void,
  timeoutMs = 600_000,
) {
  const pool = poolOf(service);
  const started = Date.now();
  let reported = Date.now();
  for (;;) {
    const backlog = (await relayBacklog(pool, 'hrms')).events;
    const { rows } = await pool.query<{ n: string }>(
      `select count(*) as n from eventstore.events where event_type = 'EmployeeHired'`,
    );
    const behind = Number(rows[0].n) - (await directorySize(service, tenants));
    if (backlog === 0 && behind <= 0) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`HRMS did not settle: ${backlog} events unpublished, ${behind} hires unprojected`);
    if (Date.now() - reported > 5000) {
      reported = Date.now();
      log(`  settling: ${backlog} events to publish, ${behind} hires to project`);
    }
    await sleep(200);
  }
}

export interface ServerTimes {
  /** Sum (seconds) and count of `POST /employees` as the service timed them (onRequest to response). */
  http: { sum: number; count: number };
  /** Sum and count of its event store appends (one transaction each). */
  append: { sum: number; count: number };
}

/** The service's own timings, from its Prometheus histograms: what it spends inside, beside what a client sees. */
export async function serverTimes(url: string): Promise<ServerTimes> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const total = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
  const post = '\\{[^}]*method="POST"[^}]*route="/employees"[^}]*\\}';
  return {
    http: {
      sum: total(new RegExp(`^http_request_duration_seconds_sum${post} (\\S+)`, 'gm')),
      count: total(new RegExp(`^http_request_duration_seconds_count${post} (\\S+)`, 'gm')),
    },
    append: {
      sum: total(/^eventstore_append_duration_seconds_sum (\S+)/gm),
      count: total(/^eventstore_append_duration_seconds_count (\S+)/gm),
    },
  };
}

/** Mean milliseconds between two scrapes. */
export const meanMs = (before: { sum: number; count: number }, after: { sum: number; count: number }) =>
  after.count > before.count ? ((after.sum - before.sum) * 1000) / (after.count - before.count) : 0;
