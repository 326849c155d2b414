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
const jest = run('npx', ['jest', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);

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
if (typecheck !== 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(typecheck !== 0 || jest !== 0 || failed > 0 ? 1 : 0);
