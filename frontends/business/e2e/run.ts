// The business web app's browser tests (issue 21), as `npm test` runs them (tools/scripts/run-tests.mjs):
// a fleet on the run's stack (the shared one when KAFKA_BROKERS, DATABASE_URL and SCHEMA_REGISTRY_URL
// are set, else one started here), the app built once and served with `next start`, then Playwright
// driving Debian's Chromium. With `--result <file>` it writes `{ passed, failed, skipped }` there;
// other arguments go to Playwright (`--grep=leave` runs the tests whose title matches).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWebApp, freePort, startWebApp, stopProcess } from '@hexfleet/devstack';
import { startTestStack } from '@hexfleet/testing';
import { seedTenant, startE2eFleet } from './fleet';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const log = (line: string) => process.stderr.write(`[business-web e2e] ${line}\n`);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Playwright's JSON report as counts (a report it could not write is one failure). */
function countsOf(reportFile: string): Counts {
  try {
    const { stats } = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

async function main(): Promise<Counts> {
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'business-web-e2e-'));
  const stack = await startTestStack();
  Object.assign(process.env, stack.env);
  const stops: Array<() => Promise<void>> = [() => stack.stop()];
  try {
    const webPort = await freePort();
    const webOrigin = `http://127.0.0.1:${webPort}`;
    const operatorKey = randomBytes(24).toString('base64url');
    // The build and the fleet's start overlap: both are mostly waiting on different things.
    const [fleet] = await Promise.all([startE2eFleet(webOrigin, operatorKey), buildWebApp('business', log)]);
    stops.unshift(() => fleet.stop());
    log(`fleet ready (gateway ${fleet.gatewayUrl}) after ${((Date.now() - started) / 1000).toFixed(0)}s`);
    const login = await seedTenant(fleet.gatewayUrl, fleet.identityUrl, operatorKey);
    const web = await startWebApp('business', {
      port: webPort,
      gatewayUrl: fleet.gatewayUrl,
      logFile: path.join(work, 'next.log'),
    });
    stops.unshift(() => stopProcess(web.process, 'SIGTERM', 10_000));
    log(`web app at ${web.url}; tenant ${login.tenant}`);

    const report = path.join(work, 'report.json');
    spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@playwright/test/cli.js'),
        'test',
        '-c',
        'frontends/business/e2e/playwright.config.ts',
        // Anything else on the command line goes to Playwright (e.g. `--grep=leave`).
        ...process.argv.slice(2).filter((arg, i, all) => arg !== '--result' && all[i - 1] !== '--result'),
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          E2E_WEB_URL: web.url,
          E2E_GATEWAY_URL: fleet.gatewayUrl,
          E2E_TENANT: login.tenant,
          E2E_EMAIL: login.email,
          E2E_PASSWORD: login.password,
        },
      },
    );
    const counts = countsOf(report);
    log(`${counts.passed} passed, ${counts.failed} failed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
    return counts;
  } finally {
    for (const stop of stops) await stop().catch((error: unknown) => log(`stopping: ${String(error)}`));
  }
}

const resultArg = process.argv.indexOf('--result');
main().then(
  (counts) => {
    if (resultArg > 0) fs.writeFileSync(process.argv[resultArg + 1], JSON.stringify(counts));
    process.exit(counts.failed > 0 ? 1 : 0);
  },
  (error: unknown) => {
    log(`could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (resultArg > 0)
      fs.writeFileSync(process.argv[resultArg + 1], JSON.stringify({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  },
);
