import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';
import { startProcess, waitUntilReady } from './processes';
import type { ManagedProcess } from './processes';

const run = promisify(execFile);

/** The web apps, each a Next.js project under frontends/ (built with `next build`, served with `next start`). */
export const WEB_APPS = {
  business: { project: 'frontends/business', envVar: 'BUSINESS_WEB_URL', port: 3100 },
} as const;
export type WebApp = keyof typeof WEB_APPS;

/** The web apps that exist in this checkout. */
export const presentWebApps = (): WebApp[] =>
  (Object.keys(WEB_APPS) as WebApp[]).filter((app) =>
    fs.existsSync(path.join(repoRoot, WEB_APPS[app].project, 'next.config.ts')),
  );

const nextBin = () => path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

/** What a build depends on: the app's and libs/ui's sources, its configs and the lockfile. */
export function buildStamp(app: WebApp): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (['node_modules', '.next', 'e2e', 'test', 'test-results'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        hash.update(path.relative(repoRoot, full));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(repoRoot, WEB_APPS[app].project));
  walk(path.join(repoRoot, 'libs', 'ui', 'src'));
  hash.update(fs.readFileSync(path.join(repoRoot, 'package-lock.json')));
  return hash.digest('hex');
}

/**
 * `next build` once per change of the app's inputs (ADR 0086): the stamp of what it was built from
 * is kept beside the build (`.next/hexfleet-build-stamp`), and a build whose stamp matches is reused.
 */
export async function buildWebApp(app: WebApp, log: (line: string) => void): Promise<void> {
  const dir = path.join(repoRoot, WEB_APPS[app].project);
  const stampFile = path.join(dir, '.next', 'hexfleet-build-stamp');
  const stamp = buildStamp(app);
  if (fs.existsSync(path.join(dir, '.next', 'BUILD_ID')) && fs.existsSync(stampFile)) {
    if (fs.readFileSync(stampFile, 'utf8') === stamp) {
      log(`${app} web app: build is current, reused`);
      return;
    }
  }
  const started = Date.now();
  await run(process.execPath, [nextBin(), 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    maxBuffer: 32 * 1024 * 1024,
  });
  fs.writeFileSync(stampFile, stamp);
  log(`${app} web app: built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

export interface RunningWebApp {
  url: string;
  process: ManagedProcess;
}

/** `next start` on 127.0.0.1:`port`, talking to the gateway at `gatewayUrl`; resolves once it answers. */
export async function startWebApp(
  app: WebApp,
  { port, gatewayUrl, logFile }: { port: number; gatewayUrl: string; logFile: string },
): Promise<RunningWebApp> {
  const dir = path.join(repoRoot, WEB_APPS[app].project);
  const proc = startProcess(
    `${app}-web`,
    process.execPath,
    [nextBin(), 'start', '-H', '127.0.0.1', '-p', String(port)],
    logFile,
    {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HEXFLEET_GATEWAY_URL: gatewayUrl, PORT: String(port) },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, logFile, () => fetch(`${url}/sign-in`).then((r) => r.ok), 60_000);
  return { url, process: proc };
}
