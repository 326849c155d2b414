import fs from 'node:fs';
import path from 'node:path';
import {
  BenchReport,
  breakdownTable,
  profileTables,
  resultsTable,
  targetsTable,
  writeJson,
  writePerfSection,
} from './output';
import { runBench, SCENARIOS } from './run';
import type { Mode } from './sizes';

const USAGE = `npm run bench [-- options]
  --quick            every scenario for seconds (figures indicative only)
  --tiny             the smoke test's size: proves the harness works, nothing more
  --only=a,b         run these scenarios only: ${SCENARIOS.map((s) => s.id).join(', ')}
  --no-profile       skip the CPU profiles
  --write            write docs/perf.md and docs/perf/bench-<date>.json (default for a full run)
  --no-write         print only (default for --quick and --tiny)
  --from=<file.json> no run: rewrite docs/perf.md's section from a saved run (after changing its format)`;

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  const known = /^--(quick|tiny|no-profile|write|no-write|only=[a-z,-]+|from=.+)$/;
  const bad = args.filter((a) => !known.test(a));
  if (bad.length) {
    console.error(`unknown option ${bad.join(' ')}\n\n${USAGE}`);
    process.exit(2);
  }
  const from = args.find((a) => a.startsWith('--from='))?.slice('--from='.length);
  if (from) {
    writePerfSection(path.join(ROOT, 'docs/perf.md'), JSON.parse(fs.readFileSync(from, 'utf8')) as BenchReport);
    return void console.log(`rewrote docs/perf.md's bench section from ${from}`);
  }
  const mode: Mode = args.includes('--tiny') ? 'tiny' : args.includes('--quick') ? 'quick' : 'full';
  const write = args.includes('--write') || (mode === 'full' && !args.includes('--no-write'));
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
    .filter(Boolean);
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

  const { report, failures, workDir } = await runBench({
    mode,
    only,
    profile: !args.includes('--no-profile'),
    command,
  });
  console.log(`\n${resultsTable(report.scenarios)}\n\n${targetsTable(report.scenarios)}`);
  for (const { id, breakdown, profile } of report.scenarios) {
    if (breakdown) console.log(`\n${id}: ${breakdownTable(breakdown)}`);
    if (profile) console.log(`\n${id}: ${profileTables(profile)}`);
  }
  if (report.scenarios.some((s) => s.profile)) console.log(`\nCPU profiles (open in Chrome DevTools): ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  if (write) {
    writePerfSection(path.join(ROOT, 'docs/perf.md'), report);
    const json = writeJson(path.join(ROOT, 'docs/perf'), report);
    console.log(`wrote docs/perf.md (bench section) and ${path.relative(ROOT, json)}`);
  }
  if (failures.length) {
    console.error(`\n${failures.length} scenario(s) failed: ${failures.map((f) => f.id).join(', ')}`);
    process.exit(1);
  }
  process.exit(0); // kafkajs and pg timers would keep the process up for a while
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
