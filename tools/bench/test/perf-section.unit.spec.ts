import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchReport, END, START, writePerfSection } from '../src/output';

const report = (value: number): BenchReport => ({
  date: '2026-11-23T20:00:00.000Z',
  mode: 'quick',
  command: 'npm run bench -- --quick',
  machine: {
    cpus: 2,
    cpuModel: 'test cpu',
    memoryGiB: 24,
    os: 'Debian',
    node: 'v20.0.0',
    postgres: '17.10',
    postgresSettings: { fsync: 'off' },
    kafka: '4.3.1',
    kafkajs: '2.2.4',
    stack: 'local',
    loadAverage: { start: 0.2, end: 0.3 },
    commit: 'abc1234',
  },
  scenarios: [
    {
      id: 'relay',
      title: '2. Relay',
      rows: [
        {
          scenario: 'relay',
          case: '5,000 events',
          value,
          unit: 'events/s',
          reference: { label: 'raw', value: 2 * value },
          fraction: 0.5,
        },
      ],
      notes: ['a note'],
      targets: [{ target: 'relay >= 50% of raw producer', actual: '50%', met: true }],
      seconds: 1,
    },
  ],
  skipped: [],
  seconds: 10,
});

describe('the bench section of docs/perf.md', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-')), 'perf.md');

  it('is added after the existing content, which stays as it was', () => {
    fs.writeFileSync(file, '# Performance figures\n\nObserved timings that stay.\n');
    writePerfSection(file, report(1234));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('# Performance figures\n\nObserved timings that stay.\n')).toBe(true);
    expect(text).toContain(START);
    expect(text).toContain('1,234 events/s');
  });

  it('is replaced, not repeated, by the next run, and text after it is kept', () => {
    fs.appendFileSync(file, '\n## Later section\n\nKept too.\n');
    writePerfSection(file, report(5678));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split(START)).toHaveLength(2);
    expect(text).not.toContain('1,234 events/s');
    expect(text).toContain('5,678 events/s');
    expect(text.indexOf(END)).toBeLessThan(text.indexOf('## Later section'));
    expect(text).toContain('Observed timings that stay.');
  });
});
