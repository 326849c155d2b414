#!/usr/bin/env node
// `npm test`: type-check, then every Jest project in one run (one shared stack), then the web apps'
// browser tests, then a last line `N passed, M failed` that CI and people can read at a glance.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

// The workspace, then libs/ui and the web apps with their own settings (DOM, JSX): `npm run typecheck`.
const typecheck = run('npm', ['run', '--silent', 'typecheck']);
if (typecheck !== 0) console.error('\nType check failed.');

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-jest-')), 'report.json');
// Every service the tests start logs to a file here, at `info` as deployed (libs/testing/src/test-logs.ts),
// so the run's logs can be scanned for secrets afterwards.
process.env.HEXFLEET_TEST_LOGS ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-logs-'));
const jest = run('npx', ['jest', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);
// The web apps' browser tests (Playwright driving Debian's Chromium against a fleet started for them,
// frontends/<app>/e2e/run.ts, ADR 0086). Skipped when Jest was given a selection (`npm test -- <pattern>`).
const browserCounts = { passed: 0, failed: 0, skipped: 0 };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const frontends = path.join(root, 'frontends');
const browserSuites = fs.existsSync(frontends)
  ? fs
      .readdirSync(frontends)
      .map((app) => path.join(frontends, app, 'e2e', 'run.ts'))
      .filter((file) => fs.existsSync(file))
  : [];
if (process.argv.length > 2 && browserSuites.length) {
  console.log(`\nBrowser tests skipped: Jest was given a selection.`);
} else {
  for (const suite of browserSuites) {
    const result = path.join(path.dirname(report), `${path.basename(path.dirname(path.dirname(suite)))}-browser.json`);
    run(process.execPath, ['--import', 'tsx', suite, '--result', result]);
    try {
      const counts = JSON.parse(fs.readFileSync(result, 'utf8'));
      for (const key of Object.keys(browserCounts)) browserCounts[key] += Number(counts[key]) || 0;
    } catch {
      browserCounts.failed += 1; // The suite died before writing its counts.
    }
  }
}

// Secrets never in logs: the demo and test passwords, tokens, private keys (tools/scripts/secrets-in-logs.mjs).
const secrets = run(process.execPath, [
  path.join(path.dirname(new URL(import.meta.url).pathname), 'secrets-in-logs.mjs'),
  process.env.HEXFLEET_TEST_LOGS,
]);

// The Helm chart (tools/k8s/charts-test.mjs): lint, render, kubeconform, a real install. Its counts
// are added to the closing line. Skipped when Jest is given arguments (a partial run) or CHARTS_TEST=0.
let charts = { passed: 0, failed: 0 };
if (process.env.CHARTS_TEST !== '0' && (process.argv.length === 2 || process.env.CHARTS_TEST === '1')) {
  const chartsReport = path.join(path.dirname(report), 'charts.json');
  const status = spawnSync(
    process.execPath,
    [path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'k8s', 'charts-test.mjs')],
    {
      stdio: 'inherit',
      env: { ...process.env, CHARTS_TEST_REPORT: chartsReport },
    },
  ).status;
  try {
    charts = JSON.parse(fs.readFileSync(chartsReport, 'utf8'));
  } catch {
    charts = { passed: 0, failed: 1 }; // it died before writing its counts
  }
  if (status !== 0 && charts.failed === 0) charts.failed = 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped = results.numPendingTests + results.numTodoTests;
} catch {
  failed += 1; // Jest died before writing its report.
}
passed += charts.passed;
failed += charts.failed;
if (typecheck !== 0) failed += 1;
if (secrets !== 0) failed += 1;
passed += browserCounts.passed;
failed += browserCounts.failed;
skipped += browserCounts.skipped;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(typecheck !== 0 || jest !== 0 || secrets !== 0 || charts.failed > 0 || failed > 0 ? 1 : 0);
