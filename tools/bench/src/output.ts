import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Machine } from './machine';
import type { Latency } from './measure';
import type { Breakdown, ProfileSummary, Row, ScenarioResult } from './report';
import type { Mode } from './sizes';

export interface BenchReport {
  date: string;
  mode: Mode;
  command: string;
  machine: Machine;
  scenarios: ScenarioResult[];
  skipped: Array<{ id: string; why: string }>;
  seconds: number;
}

export const START = '<!-- bench:start (written by `npm run bench`; edit outside these markers) -->';
export const END = '<!-- bench:end -->';

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 10) / 10);
const ms = (value: number) =>
  value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
const latency = (l?: Latency) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '');
const percent = (f?: number) => (f === undefined ? '' : `${(f * 100).toFixed(0)}%`);

/** The results as one Markdown table: our figure, its latency, the limit or peer beside it, and the fraction. */
export function resultsTable(scenarios: readonly ScenarioResult[]): string {
  const header = [
    'Scenario',
    'Case',
    'Hexfleet',
    'p50 / p95 / p99 ms',
    'Limit or peer',
    'its p50 / p95 / p99 ms',
    'Ours / it',
  ];
  const cells = (row: Row) => [
    row.scenario,
    row.case,
    `${number(row.value)} ${row.unit}${row.errors ? ` (${row.errors} errors)` : ''}`,
    latency(row.latency),
    row.reference
      ? `${row.reference.label}${row.reference.value === undefined ? '' : `: ${number(row.reference.value)}`}`
      : '',
    latency(row.reference?.latency),
    percent(row.fraction),
  ];
  return markdownTable(
    header,
    scenarios.flatMap((s) => s.rows.map(cells)),
  );
}

export function targetsTable(scenarios: readonly ScenarioResult[]): string {
  return markdownTable(
    ['Target (not a gate)', 'This run', 'Met'],
    scenarios.flatMap((s) => s.targets.map((t) => [t.target, t.actual, t.met ? 'yes' : 'no'])),
  );
}

export function profileTables(profile: ProfileSummary, rows = 10): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  return [
    `Where the CPU went: ${profile.what}, ${profile.sampledMs.toLocaleString('en-US')} ms sampled` +
      (profile.cpuMsPerOperation === undefined
        ? '.'
        : `; the process used ${profile.cpuMsPerOperation} ms of CPU per command.`),
    '',
    markdownTable(
      ['Stage of the path', 'ms', 'Share'],
      profile.byStage.map((p) => [p.name, String(p.selfMs), pct(p.share)]),
    ),
    '',
    markdownTable(
      ['Package', 'Self ms', 'Share'],
      profile.byPackage.slice(0, rows).map((p) => [p.name, String(p.selfMs), pct(p.share)]),
    ),
    '',
    markdownTable(
      ['Function', 'Location', 'Self ms', 'Share'],
      profile.topFunctions.slice(0, rows).map((f) => [f.name, f.location, String(f.selfMs), pct(f.share)]),
    ),
  ].join('\n');
}

export function breakdownTable(breakdown: Breakdown): string {
  return [
    `${breakdown.what}:`,
    '',
    markdownTable(
      ['Step', 'µs'],
      breakdown.steps.map((s) => [s.step, Math.round(s.us).toLocaleString('en-US')]),
    ),
  ].join('\n');
}

function markdownTable(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => escape(r[i] ?? '').length), 3));
  const line = (cells: string[]) => `| ${cells.map((c, i) => escape(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The run in Markdown: the section of docs/perf.md between the markers. */
export function markdownSection(report: BenchReport): string {
  const m = report.machine;
  const load =
    m.loadAverage.end === undefined
      ? `${m.loadAverage.start}`
      : `${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end`;
  const quick = report.mode !== 'full';
  const loaded = Math.max(m.loadAverage.start, m.loadAverage.end ?? 0) > m.cpus * 0.5;
  return [
    '## Benchmarks (`npm run bench`)',
    '',
    ...(loaded
      ? [
          `**Taken under load:** the 1-minute load average was ${load} on ${m.cpus} cores (other work shared the machine). ` +
            'Absolute figures are low and noisy, the ratios less so; a run on a quiet machine gives the reference figures.',
          '',
        ]
      : []),
    quick
      ? `**${report.mode} mode: every scenario ran for seconds; the figures are indicative only.** A full run (\`npm run bench\`) replaces them.`
      : 'Every figure below comes from one run on one machine: each rate stands beside its limit or peer, measured in the same run, so the machine cancels out of the ratios.',
    '',
    `**Run:** ${report.date}, commit ${m.commit}, ${report.mode} mode, ${Math.round(report.seconds)} s. Command: \`${report.command}\`.`,
    '',
    `**Machine:** ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; Postgres ${m.postgres} ` +
      `(${Object.entries(m.postgresSettings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}); Kafka ${m.kafka} (KRaft, one broker); kafkajs ${m.kafkajs}; stack: ${m.stack}. ` +
      `1-minute load average ${load}.`,
    '',
    resultsTable(report.scenarios),
    '',
    targetsTable(report.scenarios),
    '',
    ...report.scenarios.flatMap((s) => [
      `### ${s.title}`,
      '',
      ...s.notes.map((n) => `- ${n}`),
      '',
      ...(s.breakdown ? [breakdownTable(s.breakdown), ''] : []),
      ...(s.profile ? [profileTables(s.profile), ''] : []),
    ]),
    ...(report.skipped.length ? ['### Not measured', '', ...report.skipped.map((s) => `- ${s.id}: ${s.why}`), ''] : []),
  ].join('\n');
}

/** Replaces the bench section of `file` (between the markers), or appends one; the rest is kept as it is. */
export function writePerfSection(file: string, report: BenchReport): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance figures\n';
  const section = `${START}\n\n${markdownSection(report)}\n${END}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next =
    start >= 0 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + END.length)
      : `${existing.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
  pretty(file);
}

/** The run as JSON, for history: docs/perf/bench-<date>.json. */
export function writeJson(dir: string, report: BenchReport): string {
  fs.mkdirSync(dir, { recursive: true });
  const suffix = report.mode === 'full' ? '' : `-${report.mode}`;
  const file = path.join(dir, `bench-${report.date.replace(/[:]/g, '').replace(/\..*$/, '')}${suffix}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  pretty(file);
  return file;
}

/**
 * Formats a written file as `npm run format` would, so the format check passes. Prettier runs as
 * its CLI: its API loads ESM plugins at run time, which Jest (CommonJS) cannot.
 */
function pretty(file: string): void {
  const bin = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.bin', 'prettier');
  execFileSync(bin, ['--write', '--log-level=warn', file], { stdio: ['ignore', 'ignore', 'inherit'] });
}
