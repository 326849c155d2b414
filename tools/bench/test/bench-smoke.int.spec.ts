import { markdownSection, resultsTable } from '../src/output';
import { runBench, SCENARIOS } from '../src/run';

// Proves the harness works end to end on the run's stack, in its tiny mode.
// It never asserts a speed: figures on a shared test machine mean nothing.
describe('npm run bench, tiny mode', () => {
  jest.setTimeout(900_000);

  it('runs every scenario and reports its figures, the path breakdowns and a CPU profile', async () => {
    const lines: string[] = [];
    const { report, failures } = await runBench({ mode: 'tiny', command: 'jest', log: (line) => lines.push(line) });
    console.log(`${lines.join('\n')}\n\n${resultsTable(report.scenarios)}`);

    expect(failures.map((f) => `${f.id}: ${String(f.error)}`)).toEqual([]);
    expect(report.scenarios.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    for (const row of report.scenarios.flatMap((s) => s.rows)) {
      expect({ row: `${row.scenario} ${row.case}`, positive: row.value > 0 && Number.isFinite(row.value) }).toEqual({
        row: `${row.scenario} ${row.case}`,
        positive: true,
      });
      if (row.reference?.value !== undefined) expect(row.reference.value).toBeGreaterThan(0);
    }
    const byId = Object.fromEntries(report.scenarios.map((s) => [s.id, s]));
    expect(byId.append.rows.map((r) => r.case)).toEqual(['1 client', '8 clients']);
    expect(byId.append.rows.every((r) => r.reference?.label === 'INSERT tx/s' && (r.fraction ?? 0) > 0)).toBe(true);
    expect(byId.peer.rows.every((r) => r.reference?.label === 'Emmett appends/s')).toBe(true);
    expect(byId.append.profile?.topFunctions.length).toBeGreaterThan(0);
    expect(byId.append.profile?.byStage.length).toBeGreaterThan(0);
    for (const id of ['append', 'relay', 'projection'])
      expect(byId[id].breakdown?.steps.every((s) => s.us > 0)).toBe(true);

    const section = markdownSection(report);
    expect(section).toContain('tiny mode');
    expect(section).toContain(`Node ${process.version}`);
  });
});
