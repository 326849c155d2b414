import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The generator as a contributor runs it, in a copy of this workspace: a throw-away
// service is generated, then the copy must type-check, lint, keep its generated contracts
// up to date and formatted, and the new service's own tests must pass on the run's stack
// (its jest inherits KAFKA_BROKERS, DATABASE_URL and SCHEMA_REGISTRY_URL, so it uses the
// stack this run's global setup chose). HEXFLEET_KEEP_GENERATED=1 keeps the copy for a look.
const root = path.resolve(__dirname, '../../..');
// A module name of its own per run: its topic and schema subjects on a shared stack never
// meet an earlier run's, whose template may have had other fields.
const moduleName = `zeta${randomBytes(3).toString('hex')}`;
const service = `services/school/${moduleName}`;
const MINUTE = 60_000;

interface Run {
  status: number | null;
  output: string;
}

/** Runs a tool of the copy's node_modules/.bin, collecting stdout and stderr together. */
function run(copy: string, tool: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(copy, 'node_modules', '.bin', tool), args, {
      cwd: copy,
      env: {
        ...process.env,
        // The copy's tests use this run's stack (its global setup put the three URLs in process.env).
        HEXFLEET_TEST_STACK: 'external',
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        NX_INTERACTIVE: 'false',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Passes when `result` exited 0; otherwise fails showing its output. */
function expectSuccess(what: string, result: Run) {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.output.slice(-8000)}`);
}

/**
 * The files git knows here (tracked, and new ones it does not ignore: a generator being
 * changed is tested as it is on disk), copied; node_modules linked, not copied.
 */
function copyWorkspace(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-generator-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(root, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(from, path.join(copy, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** `file(line,col): error TSxxxx: message` lines of a tsc run, by file. */
function typeErrors(output: string): Array<{ file: string; line: string }> {
  return output
    .split('\n')
    .filter((line) => /^\S.*\(\d+,\d+\): error TS\d+:/.test(line))
    .map((line) => ({ file: line.slice(0, line.indexOf('(')), line: line.trim() }));
}

/** The copy's files (not node_modules, not Nx's cache) that are new or differ from this workspace's. */
function changedFiles(copy: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(copy, dir), { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (['node_modules', '.nx'].includes(entry.name)) continue;
      if (entry.isDirectory()) walk(file);
      else if (
        !fs.existsSync(path.join(root, file)) ||
        !fs.readFileSync(path.join(root, file)).equals(fs.readFileSync(path.join(copy, file)))
      ) {
        found.push(file.split(path.sep).join('/'));
      }
    }
  };
  walk('');
  return found.sort();
}

const generate = (copy: string, name: string) =>
  run(copy, 'nx', ['g', '@hexfleet/tools:service', name, '--no-interactive']);

describe(`nx g @hexfleet/tools:service school/${moduleName}, in a copy of the workspace`, () => {
  let copy: string;
  let generated: Run;
  /** What the generator wrote or changed in the copy. */
  let changed: string[];

  beforeAll(async () => {
    const started = Date.now();
    copy = copyWorkspace();
    generated = await generate(copy, `school/${moduleName}`);
    changed = changedFiles(copy);
    console.log(`copied and generated ${service} in ${((Date.now() - started) / 1000).toFixed(0)}s (in ${copy})`);
  }, 10 * MINUTE);

  afterAll(() => {
    if (!copy || process.env.HEXFLEET_KEEP_GENERATED) return;
    fs.unlinkSync(path.join(copy, 'node_modules'));
    fs.rmSync(copy, { recursive: true, force: true });
  });

  it('writes the service, its contract, the code generated from it, and its registrations: nothing else', () => {
    expectSuccess('nx g', generated);
    const inService = changed.filter((file) => file.startsWith(`${service}/`));
    expect(inService).toEqual(
      expect.arrayContaining([
        `${service}/README.md`,
        `${service}/project.json`,
        `${service}/src/main.ts`,
        `${service}/src/${moduleName}.module.ts`,
        `${service}/src/domain/item.decider.ts`,
        `${service}/src/adapters/out/item-list/item-list.projection.ts`,
        `${service}/test/${moduleName}.int.spec.ts`,
        `${service}/test/item.decider.unit.spec.ts`,
      ]),
    );
    expect(changed.filter((file) => !inService.includes(file))).toEqual([
      'gateway/src/config.ts',
      'gateway/src/gateway.module.ts',
      `gateway/src/graphql/${moduleName}/${moduleName}.resolver.ts`,
      'schemas/asyncapi.html',
      'schemas/asyncapi.yaml',
      `schemas/avro/${moduleName}/ItemCreated.avsc`,
      `schemas/avro/${moduleName}/ItemRenamed.avsc`,
      `schemas/avro/${moduleName}/topics.json`,
      'schemas/src/catalog/topics.ts',
      'schemas/src/contracts/index.ts',
      `schemas/src/contracts/${moduleName}.contracts.ts`,
      'tools/devstack/src/fleet.ts',
    ]);
  });

  it(
    'refuses to generate the module again, saying it exists, and changes nothing',
    async () => {
      const again = await generate(copy, `business/${moduleName}`);
      expect(again.status).not.toBe(0);
      expect(again.output).toContain(
        `Module "${moduleName}" already exists: the Nx project ${moduleName} (${service})`,
      );
      expect(changedFiles(copy)).toEqual(changed);
    },
    5 * MINUTE,
  );

  it(
    'rejects a bad name, saying what a good one is, and changes nothing',
    async () => {
      const bad = await generate(copy, 'school/Bad-Name');
      expect(bad.status).not.toBe(0);
      expect(bad.output).toContain('Bad module name "Bad-Name": 2 to 30 lower-case letters and digits');
      expect(changedFiles(copy)).toEqual(changed);
    },
    5 * MINUTE,
  );

  it(
    'leaves the generated contracts, catalog and AsyncAPI up to date, and what it wrote formatted',
    async () => {
      expectSuccess('codegen --check', await run(copy, 'tsx', ['schemas/src/pipeline/codegen.main.ts', '--check']));
      expectSuccess('asyncapi --check', await run(copy, 'tsx', ['schemas/src/pipeline/asyncapi.main.ts', '--check']));
      // The AsyncAPI files are the pipeline's, formatted by it, and --check compared them just now.
      const written = changed.filter((file) => !file.startsWith('schemas/asyncapi.'));
      expectSuccess('prettier --check', await run(copy, 'prettier', ['--check', ...written]));
    },
    5 * MINUTE,
  );

  it(
    'type-checks: no error in what the generator wrote or changed, and none the workspace did not have',
    async () => {
      const errors = typeErrors((await run(copy, 'tsc', ['-p', 'tsconfig.json', '--noEmit'])).output);
      expect(errors.filter((e) => changed.includes(e.file)).map((e) => e.line)).toEqual([]);
      if (errors.length === 0) return;
      // The rest are in files the generator did not touch; they must have been errors here
      // already (services still being moved to the new shape, say), so check this workspace too.
      const here = typeErrors((await run(root, 'tsc', ['-p', 'tsconfig.json', '--noEmit'])).output);
      const before = new Set(here.map((e) => e.line));
      console.log(`type check: ${errors.length} errors in files the generator left alone, ${here.length} here before`);
      expect(errors.map((e) => e.line).filter((line) => !before.has(line))).toEqual([]);
    },
    10 * MINUTE,
  );

  it(
    'lints the new service, the gateway and the fleet with no warning',
    async () => {
      const args = ['--max-warnings=0', service, 'gateway', 'tools/devstack/src/fleet.ts'];
      expectSuccess('eslint', await run(copy, 'eslint', args));
    },
    10 * MINUTE,
  );

  it(
    "passes the new service's own tests: the decider's rules, and the service on the real stack",
    async () => {
      const tests = await run(copy, 'jest', ['-c', `${service}/jest.config.js`, '--ci']);
      expectSuccess('jest', tests);
      expect(tests.output).toContain(`PASS ${moduleName} ${service}/test/${moduleName}.int.spec.ts`);
      expect(tests.output).toContain(`PASS ${moduleName} ${service}/test/item.decider.unit.spec.ts`);
      expect(tests.output).toMatch(/Tests: +\d+ passed, \d+ total/);
    },
    10 * MINUTE,
  );

  it(
    'is reachable through the gateway: its REST route and its GraphQL query',
    async () => {
      const spec = `gateway/test/generated-${moduleName}.int.spec.ts`;
      const template = fs.readFileSync(
        path.join(__dirname, 'fixtures/through-the-gateway.int.spec.ts.template'),
        'utf8',
      );
      fs.writeFileSync(path.join(copy, spec), template.replaceAll('__MODULE__', moduleName));
      const tests = await run(copy, 'jest', ['-c', 'gateway/jest.config.js', '--ci', spec]);
      expectSuccess('jest (gateway)', tests);
      expect(tests.output).toContain(`PASS gateway ${spec}`);
    },
    10 * MINUTE,
  );
});
