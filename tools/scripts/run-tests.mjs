#!/usr/bin/env node
// `npm test`: type-check, then every Jest project in one run (one shared stack),
// then a last line `N passed, M failed` that CI and people can read at a glance.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (typecheck !== 0) console.error('\nType check failed.');

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-jest-')), 'report.json');
// Every service the tests start logs to a file here, at `info` as deployed (libs/testing/src/test-logs.ts),
// so the run's logs can be scanned for secrets afterwards.
process.env.HEXFLEET_TEST_LOGS ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-logs-'));
const jest = run('npx', ['jest', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);
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

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(typecheck !== 0 || jest !== 0 || secrets !== 0 || charts.failed > 0 || failed > 0 ? 1 : 0);
