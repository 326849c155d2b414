#!/usr/bin/env node
// `npm run audit`: `npm audit --omit=dev` (what ships: production dependencies) against a reviewed
// allow-list, audit-allowlist.json. Every advisory must be fixed or listed there with its package,
// a reason and an expiry date; a listed advisory past its expiry, or one no longer reported, is
// named too (the first fails, the second is a note). docs/security.md, docs/adr/0072.
//
//   node tools/scripts/audit.mjs [--report=saved-npm-audit.json] [--allowlist=file] [--today=YYYY-MM-DD]
//
// Exit 0: nothing outside the allow-list. 1: advisories not allowed, or an allow-list entry that is
// expired or incomplete. 3: the advisory database could not be asked (the report says why):
// UNCHECKED, which .ci/run prints and fails only with AUDIT_REQUIRED=1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function auditReport() {
  const saved = arg('report');
  if (saved) return JSON.parse(fs.readFileSync(saved, 'utf8'));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { error: { summary: `npm audit printed no report (exit ${run.status}): ${run.stderr.trim().slice(-500)}` } };
  }
}

/** One line per advisory: its GHSA id (or npm's number), the package, severity and title. */
function advisoriesOf(report) {
  const found = new Map();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object') continue; // a package that is vulnerable through another: that one is named
      const id = /GHSA-[\w-]+/.exec(via.url ?? '')?.[0] ?? String(via.source);
      found.set(`${id} ${name}`, { id, package: name, severity: via.severity, title: via.title, url: via.url });
    }
  }
  return [...found.values()];
}

const allowlistPath = arg('allowlist') ?? path.join(root, 'audit-allowlist.json');
const allowlist = JSON.parse(fs.readFileSync(allowlistPath, 'utf8')).advisories;
const today = arg('today') ?? new Date().toISOString().slice(0, 10);
const report = auditReport();

if (report.error || report.message) {
  console.log(
    `npm audit: UNCHECKED, the advisory database could not be asked: ${report.message ?? report.error.summary ?? 'unknown error'}`,
  );
  process.exit(3);
}

const problems = [];
for (const entry of allowlist) {
  const missing = ['id', 'package', 'reason', 'expires'].filter((key) => !entry[key]);
  if (missing.length) problems.push(`allow-list entry ${entry.id ?? '?'} lacks ${missing.join(', ')}`);
  else if (entry.expires < today)
    problems.push(`allow-list entry ${entry.id} (${entry.package}) expired on ${entry.expires}: review it again`);
}
const advisories = advisoriesOf(report);
const allowed = (a) => allowlist.some((e) => e.id === a.id && e.package === a.package && e.expires >= today);
for (const advisory of advisories.filter((a) => !allowed(a)))
  problems.push(
    `${advisory.id} in ${advisory.package} (${advisory.severity}): ${advisory.title} ${advisory.url ?? ''}`.trim(),
  );
for (const entry of allowlist.filter((e) => !advisories.some((a) => a.id === e.id && a.package === e.package)))
  console.log(`note: ${entry.id} (${entry.package}) is no longer reported; remove it from the allow-list`);

const listed = advisories.length - advisories.filter((a) => !allowed(a)).length;
console.log(
  `npm audit --omit=dev: ${advisories.length} advisories, ${listed} on the allow-list, ${problems.length} problems`,
);
for (const problem of problems) console.log(`  ${problem}`);
process.exit(problems.length ? 1 : 0);
