import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
// A service's layers are folders; the fixture service stands in for services/<product>/<module>.
const service = path.join(root, 'tools/workspace-checks/fixtures/service-sample/src');
const applicationFile = path.join(service, 'application/sample.command-handler.ts');
const domainFile = path.join(service, 'domain/sample.decider.ts');
const adapterFile = path.join(service, 'adapters/out/sample.adapter.ts');

const RULES = ['no-restricted-syntax', 'no-restricted-properties', 'no-restricted-imports'];

interface Linted {
  errorCount: number;
  messages: Array<{ ruleId: string | null; severity: number; message: string }>;
}

/**
 * Lints each `[code, file]` as that file with the repository's ESLint config, in one child process
 * (ESLint loads the Nx plugin once, not per case; Jest's module system cannot load the ESM config).
 */
function lint(cases: Array<[code: string, file: string]>): Linted[] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(await new Response(process.stdin).text());
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [code, filePath] of cases) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push({ errorCount: result.errorCount, messages: result.messages });
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Linted[];
}

/** The clock-and-randomness errors of one result (the messages that name TimeAndIds). */
const clockErrors = (result: Linted) =>
  result.messages.filter((m) => RULES.includes(m.ruleId ?? '') && m.message.includes('TimeAndIds'));

describe('npm run lint keeps the clock and randomness out of domain and application code', () => {
  jest.setTimeout(60_000);

  const forbidden: Array<[what: string, code: string, file: string]> = [
    ['new Date() in an application file', `export const at = () => new Date().toISOString();\n`, applicationFile],
    ['Date.now() in a domain file', `export const stamp = () => Date.now();\n`, domainFile],
    ['Date() called as a function', `export const s = () => Date();\n`, domainFile],
    ['Math.random()', `export const pick = () => Math.random();\n`, applicationFile],
    [
      "randomUUID from 'node:crypto'",
      `import { randomUUID } from 'node:crypto';\nexport const id = () => randomUUID();\n`,
      applicationFile,
    ],
    ['crypto.randomUUID()', `export const id = () => crypto.randomUUID();\n`, domainFile],
    ["uuid's v4", `import { v4 } from 'uuid';\nexport const id = () => v4();\n`, applicationFile],
    ["uuid's v7", `import { v7 as uuidv7 } from 'uuid';\nexport const id = () => uuidv7();\n`, applicationFile],
    [
      "the platform's free newId",
      `import { newId } from '@hexfleet/platform';\nexport const id = newId;\n`,
      applicationFile,
    ],
    ["a re-export of the platform's free newId", `export { newId } from '@hexfleet/platform';\n`, applicationFile],
    [
      'the system clock',
      `import { systemClock } from '@hexfleet/eventing';\nexport const now = () => systemClock.now();\n`,
      applicationFile,
    ],
  ];

  const allowed: Array<[what: string, code: string, file: string]> = [
    ['new Date(value) in an application file', `export const parse = (x: string) => new Date(x);\n`, applicationFile],
    [
      'new Date(value) in a domain file',
      `export const dayAfter = (x: string) => new Date(Date.parse(x) + 86_400_000);\n`,
      domainFile,
    ],
    [
      "uuid's v5 (a pure function of its input)",
      `import { v5 } from 'uuid';\nexport const id = (s: string) => v5(s, '5a0c7e4e-2f4b-4d8e-b1f6-3c9e8d7a6b51');\n`,
      applicationFile,
    ],
    [
      'TimeAndIds from the platform',
      `import { TimeAndIds } from '@hexfleet/platform';\nexport const f = (t: TimeAndIds) => t.now();\n`,
      applicationFile,
    ],
    ['new Date() in an adapter', `export const at = () => new Date().toISOString();\n`, adapterFile],
  ];

  let results: Linted[];
  beforeAll(() => {
    results = lint([...forbidden, ...allowed].map(([, code, file]) => [code, file]));
  });

  it.each(forbidden.map((c, i) => [c[0], i] as const))('fails on %s', (_what, i) => {
    expect(clockErrors(results[i])).toContainEqual(expect.objectContaining({ severity: 2 }));
    expect(results[i].errorCount).toBeGreaterThan(0); // what makes `eslint --max-warnings=0` exit 1
  });

  it.each(allowed.map((c, i) => [c[0], forbidden.length + i] as const))('passes %s', (_what, i) => {
    expect(results[i].messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});
