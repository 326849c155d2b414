import { tally } from '../src/invariants';
import { passed, report, ScenarioResult } from '../src/run';

const scenario = (id: string, sent: number, accepted: number, extra: Partial<ScenarioResult> = {}): ScenarioResult => ({
  id,
  title: id,
  fault: 'a fault',
  verdict: { ...tally([]), sent, accepted, refused: sent - accepted },
  readyMs: 100,
  drainedMs: 200,
  replayMatches: true,
  ...extra,
});

describe('the chaos report', () => {
  it('passes a scenario that kept every promise under a load it mostly accepted', () => {
    const { lines, ok } = report([scenario('kafka-kill', 100, 75)]);
    expect(ok).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^kafka-kill +\| ok +sent=100 accepted=75 /));
    expect(lines.at(-1)).toBe('chaos: scenarios=1 lost=0 duplicated=0');
  });

  it('fails a scenario that accepted no command, or too few, though nothing was lost', () => {
    for (const [sent, accepted] of [
      [0, 0],
      [100, 0],
      [100, 49],
    ]) {
      const r = scenario('service-kill', sent, accepted);
      expect(passed(r)).toBe(false);
      const { lines, ok } = report([scenario('kafka-kill', 100, 75), r]);
      expect(ok).toBe(false);
      expect(lines).toContainEqual(expect.stringMatching(/^service-kill +\| FAIL .*too little accepted: /));
    }
    expect(passed(scenario('service-kill', 100, 50))).toBe(true);
  });

  it('reports skipped scenarios as rows and in the closing line, and fails a run where none ran', () => {
    const skipped = scenario('slow-network', 0, 0, { skipped: 'no Go toolchain for toxiproxy' });
    const { lines, ok } = report([scenario('kafka-kill', 100, 75), skipped]);
    expect(ok).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^slow-network +\| skip skipped: no Go toolchain/));
    expect(lines).toContain('skipped: slow-network (no Go toolchain for toxiproxy)');
    expect(lines.at(-1)).toBe('chaos: scenarios=1 skipped=1 lost=0 duplicated=0');
    expect(report([skipped]).ok).toBe(false);
  });
});
