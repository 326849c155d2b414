import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const EXAMPLES = path.resolve(__dirname, '../../../examples/integrators');

/** One line the examples of docs/integrators.md print per event. */
export interface PrintedEvent {
  topic: string;
  key: string;
  id: string;
  type: string;
  subject: string;
  tenant: string;
  stream_id: string;
  stream_version: number;
  data: Record<string, unknown>;
}

export interface ExampleRun {
  bootstrap: string;
  registry: string;
  topic: string;
  group: string;
  tenant: string;
  maxEvents: number;
  timeoutSeconds: number;
}

const argv = (r: ExampleRun) => [
  ...['--bootstrap', r.bootstrap, '--registry', r.registry, '--topic', r.topic, '--group', r.group],
  ...['--tenant', r.tenant, '--max-events', String(r.maxEvents), '--timeout', String(r.timeoutSeconds)],
];

/** The JSON lines of an example's output (Maven may put colour codes before one). */
const printed = (stdout: string): PrintedEvent[] =>
  stdout
    .split('\n')
    // eslint-disable-next-line no-control-regex
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as PrintedEvent);

/**
 * The Python example's environment (`requirements.txt`, pinned), made once per machine and kept
 * outside the clone (CI clones afresh each run), keyed by the requirements so a new pin makes a
 * new one. Built aside and renamed into place, so a half-made one is never used.
 */
async function pythonEnvironment(log: (line: string) => void): Promise<string> {
  const requirements = path.join(EXAMPLES, 'python/requirements.txt');
  const hash = createHash('sha256').update(fs.readFileSync(requirements)).digest('hex').slice(0, 12);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const venv = path.join(cache, 'hexfleet', `integrators-python-${hash}`);
  const python = path.join(venv, 'bin', 'python');
  if (fs.existsSync(python)) return python;
  log(`installing examples/integrators/python/requirements.txt from PyPI into ${venv}`);
  const building = `${venv}.${process.pid}.tmp`;
  fs.rmSync(building, { recursive: true, force: true });
  await run('python3', ['-m', 'venv', building]);
  const pip = ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements];
  await run(path.join(building, 'bin', 'python'), pip, { timeout: 300_000 });
  try {
    fs.renameSync(building, venv);
  } catch (error) {
    // Another run finished first: use its environment.
    if (!fs.existsSync(python)) throw error;
    fs.rmSync(building, { recursive: true, force: true });
  }
  return python;
}

/** `python consume.py ...` as docs/integrators.md runs it. */
export async function runPythonExample(r: ExampleRun, log: (line: string) => void): Promise<PrintedEvent[]> {
  const python = await pythonEnvironment(log);
  const { stdout } = await run(python, [path.join(EXAMPLES, 'python/consume.py'), ...argv(r)], {
    timeout: (r.timeoutSeconds + 30) * 1000,
  });
  return printed(stdout);
}

/** `mvn -q compile exec:java -Dexec.args=...` as docs/integrators.md runs it (~/.m2 is the cache). */
export async function runJavaExample(r: ExampleRun): Promise<PrintedEvent[]> {
  const pom = path.join(EXAMPLES, 'java/pom.xml');
  const maven = [
    '-q',
    '-B',
    '-Dstyle.color=never',
    '-f',
    pom,
    'compile',
    'exec:java',
    `-Dexec.args=${argv(r).join(' ')}`,
  ];
  const { stdout } = await run('mvn', maven, { timeout: (r.timeoutSeconds + 240) * 1000 });
  return printed(stdout);
}
