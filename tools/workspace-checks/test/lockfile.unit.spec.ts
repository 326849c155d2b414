import { spawnSync } from 'node:child_process';
import path from 'node:path';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'complete-lockfile.mjs');

describe('package-lock.json', () => {
  it('lists the optional native packages of every platform, so `npm ci` accepts it on a fresh clone', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
