import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const check = path.join(root, 'tools/scripts/unused-dependencies.mjs');
const fixture = path.join(root, 'tools/workspace-checks/fixtures/dependencies');

interface Report {
  issues: Array<{ dependencies: Array<{ name: string }>; unlisted: Array<{ name: string }> }>;
}

/** A copy of the fixture package with stand-ins for its dependencies in node_modules (which git does not keep). */
function fixturePackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-deps-'));
  fs.cpSync(fixture, dir, { recursive: true });
  const stub = (name: string, manifest: object = {}) => {
    fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'node_modules', name, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', main: 'index.js', ...manifest }),
    );
    fs.writeFileSync(path.join(dir, 'node_modules', name, 'index.js'), `exports.host = '${name}';\n`);
  };
  stub('host-lib', {
    peerDependencies: { 'required-peer': '*', 'optional-peer': '*' },
    peerDependenciesMeta: { 'optional-peer': { optional: true } },
  });
  stub('left-pad');
  stub('optional-peer');
  stub('required-peer');
  return dir;
}

/** Runs the check as `npm run lint` does, in `dir`; its exit code and the dependencies it names. */
function runCheck(dir: string) {
  const run = spawnSync(process.execPath, [check, '--dependencies', '--reporter', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout || '{"issues":[]}') as Report;
  const names = (kind: 'dependencies' | 'unlisted') =>
    report.issues.flatMap((issue) => issue[kind] ?? []).map((d) => d.name);
  return { status: run.status, stderr: run.stderr, unused: names('dependencies').sort(), unlisted: names('unlisted') };
}

describe('npm run lint fails on an unused dependency', () => {
  jest.setTimeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fixturePackage();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails on a listed dependency nothing imports, and on an optional peer of a used package that nothing imports', () => {
    const result = runCheck(dir);
    expect(result.unused).toEqual(['left-pad', 'optional-peer']); // required-peer is used through host-lib
    expect(result.status).toBe(1);
  });

  it('passes once something imports them', () => {
    fs.writeFileSync(
      path.join(dir, 'src', 'pad.ts'),
      `import leftPad from 'left-pad';\nimport 'optional-peer';\n\nexport const pad = leftPad;\n`,
    );
    fs.appendFileSync(path.join(dir, 'src', 'index.ts'), `export { pad } from './pad';\n`);
    const result = runCheck(dir);
    expect(result).toMatchObject({ status: 0, unused: [], unlisted: [] });
  });

  it('fails on an import of a package that is not listed', () => {
    fs.appendFileSync(path.join(dir, 'src', 'index.ts'), `export { default as chalk } from 'chalk';\n`);
    expect(runCheck(dir)).toMatchObject({ status: 1, unlisted: ['chalk'] });
  });
});
