import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '@hexfleet/devstack';
import type { DemoLogin, RunningFleet } from '@hexfleet/devstack';
import { productOf, withDemoFleet } from './demo-fleet';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const VENV = path.join(ROOT, 'tools', 'chaos', '.venv');
/** Schemathesis's JUnit reports and console output, one pair per target (git-ignored). */
export const REPORT_DIR = path.join(ROOT, 'test-results', 'sweep');
/** Pinned like the rest of the infrastructure; installed from PyPI on first use. */
export const SCHEMATHESIS = 'schemathesis==4.32.5';
/** What "bad input never breaks us" means: no 5xx, and every answer as the schema documents it. */
export const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];

/** The GraphQL fields each module fronts (printed by `npx nx run gateway:schema`). */
const GRAPHQL_OPERATIONS = path.join(ROOT, 'gateway', 'graphql-operations.json');
/** Fields that would end the sweep's own session: the coverage test calls them instead. */
const ENDS_THE_SESSION = ['logout', 'revokeAllSessions'];

/** Which demo tenant's admin sweeps a module: school modules are greenfield's, the others acme's. */
const productTenant = (module: string) => (productOf(module) === 'school' ? 'greenfield' : 'acme');

export interface SweepTarget {
  name: string;
  /** Where the OpenAPI document is (or the GraphQL endpoint, read by introspection), and the base URL its paths are relative to. */
  schema: string;
  baseUrl: string;
  tenant: string;
  /** GraphQL: Schemathesis generates queries and mutations from the schema, for these fields only. */
  graphqlFields?: string[];
}

export interface SweepResult {
  target: string;
  operations: number;
  cases: number;
  /** Failures per check, by Schemathesis's title (a 5xx is "Server error"). */
  failures: Record<string, number>;
  /** Errors of Schemathesis itself (not findings about the API). */
  toolErrors: string[];
  /** The operations with a failure or an error (the .txt report beside the JUnit one has each case). */
  details: string[];
}

export interface SweepOptions {
  seed: number;
  maxExamples: number;
  only?: string[];
  log(line: string): void;
}

/** A Python environment of our own with Schemathesis, made once. */
export function schemathesis(log: (line: string) => void): string {
  const st = path.join(VENV, 'bin', 'st');
  if (fs.existsSync(st)) return st;
  log(`  installing ${SCHEMATHESIS} from PyPI into ${path.relative(ROOT, VENV)}`);
  execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'ignore' });
  execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', SCHEMATHESIS], { stdio: 'ignore' });
  return st;
}

/**
 * Every service of the fleet (as `npm run dev` runs it, demo data in) swept with
 * Schemathesis from its own OpenAPI document, directly and through the gateway's
 * REST passthrough, with a fixed seed and a budget of cases per operation.
 */
export async function runSweep({ seed, maxExamples, only, log }: SweepOptions): Promise<SweepResult[]> {
  const st = schemathesis(log);
  return withDemoFleet(log, async (fleet, logins) => {
    const results: SweepResult[] = [];
    for (const target of sweepTargets(fleet).filter((t) => !only?.length || only.some((o) => t.name.startsWith(o)))) {
      const token = await logIn(fleet, logins, target.tenant);
      const result = await sweepOne(st, target, token, { seed, maxExamples, reportDir: REPORT_DIR });
      log(`  ${summary(result)}`);
      for (const line of result.details.slice(0, 8)) log(`      ${line}`);
      results.push(result);
    }
    return results;
  });
}

export function summary(r: SweepResult): string {
  const failures = Object.entries(r.failures).map(([check, n]) => `${check}: ${n}`);
  const errors = r.toolErrors.length ? ` (Schemathesis errors: ${r.toolErrors.join(', ')})` : '';
  return `${r.target.padEnd(22)} ${r.operations} operations, ${r.cases} cases, ${failures.length ? failures.join(', ') : 'no failures'}${errors}`;
}

function sweepTargets(fleet: RunningFleet): SweepTarget[] {
  const gateway = fleet.urls.GATEWAY_URL;
  return (
    Object.entries(fleet.urls)
      .filter(([key]) => key !== 'GATEWAY_URL')
      .flatMap(([key, url]) => {
        const module = key.replace(/_URL$/, '').toLowerCase();
        const tenant = productTenant(module);
        const schema = `${url}/openapi.json`;
        return [
          { name: module, schema, baseUrl: url, tenant },
          { name: `gateway/${module}`, schema, baseUrl: `${gateway}/api/v1/${module}`, tenant },
        ];
      })
      .concat(graphqlTargets(gateway))
      // Identity last: its sweep runs as the demo admin over user administration, and a run with
      // the REST targets first left the GraphQL targets with an admin refused tenant-admin fields
      // (403 on users, grants, invitations): whatever it changed must not reach the others.
      .sort((x, y) => Number(/(^|\/)identity$/.test(x.name)) - Number(/(^|\/)identity$/.test(y.name)))
  );
}

/**
 * The gateway's GraphQL, once per product as its admin, over the fields of that product's modules
 * (one schema fronts both products; the other product's fields would only say `forbidden`).
 */
function graphqlTargets(gateway: string): SweepTarget[] {
  const operations = JSON.parse(fs.readFileSync(GRAPHQL_OPERATIONS, 'utf8')) as Array<{
    field: string;
    module: string;
  }>;
  return ['acme', 'greenfield'].map((tenant) => ({
    name: `gateway/graphql-${tenant}`,
    schema: `${gateway}/graphql`,
    baseUrl: `${gateway}/graphql`,
    tenant,
    graphqlFields: [
      ...new Set(
        operations
          .filter(({ module }) => productTenant(module) === tenant || ['identity', 'profile'].includes(module))
          .map(({ field }) => field)
          .filter((field) => !ENDS_THE_SESSION.includes(field)),
      ),
    ],
  }));
}

async function logIn(fleet: RunningFleet, logins: DemoLogin[], tenant: string): Promise<string> {
  const login = logins.find((l) => l.tenant === tenant);
  if (!login) throw new Error(`no demo login for ${tenant}`);
  const response = await fetch(`${fleet.urls.IDENTITY_URL}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, email: login.email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`logging in to ${tenant}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function sweepOne(
  st: string,
  target: SweepTarget,
  token: string,
  { seed, maxExamples, reportDir }: { seed: number; maxExamples: number; reportDir: string },
): Promise<SweepResult> {
  const junit = path.join(reportDir, `${target.name.replace('/', '-')}.xml`);
  fs.mkdirSync(reportDir, { recursive: true });
  const args = [
    'run',
    target.schema,
    ...(target.graphqlFields
      ? ['--include-name-regex', `^(Query|Mutation)\\.(${target.graphqlFields.join('|')})$`]
      : ['--url', target.baseUrl]),
    '--header',
    `Authorization: Bearer ${token}`,
    '--checks',
    (target.graphqlFields ? ['not_a_server_error'] : CHECKS).join(','),
    '--seed',
    String(seed),
    '--max-examples',
    String(maxExamples),
    '--workers',
    '2',
    '--generation-database',
    'none',
    '--request-timeout',
    '10',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
  ];
  let output = '';
  // Its working folder is the report folder: Schemathesis keeps a cache (.schemathesis/) there.
  const child = spawn(st, args, {
    cwd: reportDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  fs.writeFileSync(junit.replace(/\.xml$/, '.txt'), output);
  return parseSummary(target.name, output);
}

/**
 * Schemathesis's closing summary: `Tested: N` operations, `❌ ST103 Undocumented status
 * code: 46` per failed check, `🚫 Runtime Error: 1` per error of its own, `80 generated`.
 */
export function parseSummary(target: string, output: string): SweepResult {
  const at = output.lastIndexOf(' SUMMARY ');
  const summary = at < 0 ? '' : output.slice(at);
  const failures: Record<string, number> = {};
  for (const [, title, count] of summary.matchAll(/^\s*❌ (?:[A-Z]+\d+ )?([^:\n]+): (\d+)$/gmu)) {
    failures[title] = Number(count);
  }
  const toolErrors = [...summary.matchAll(/^\s*🚫 ([^:\n]+): (\d+)$/gmu)].map(([, what, n]) => `${what} x${n}`);
  const details = [...output.matchAll(/^_{3,} (.+?) _{3,}$/gm)].map(([, operation]) => operation).slice(0, 20);
  return {
    target,
    operations: Number(/Tested: (\d+)/.exec(summary)?.[1] ?? 0),
    cases: Number(/(\d+) generated/.exec(summary)?.[1] ?? 0),
    failures,
    toolErrors,
    details: summary ? details : [`no summary: ${output.trim().split('\n').slice(-5).join(' | ')}`],
  };
}
