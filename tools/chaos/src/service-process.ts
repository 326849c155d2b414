import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@hexfleet/devstack';
import { waitFor } from './clock';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const built = new Set<string>();

/** `nx build`'s script, once per project per run. */
export function buildService(project: string): void {
  if (built.has(project)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'tools/scripts/build-service.mjs'), project], { cwd: ROOT });
  built.add(project);
}

/**
 * One replica of a service as deployed (`node dist/<project>/src/main.js`), which a
 * scenario can kill with any signal and start again with the same port and
 * environment. Its output goes to a log file in the run's folder.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly project: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {}

  static async create(name: string, project: string, env: NodeJS.ProcessEnv, logDir: string): Promise<ServiceProcess> {
    buildService(project);
    return new ServiceProcess(name, project, await freePort(), env, path.join(logDir, `${name}.log`));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const log = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', this.project, 'src/main.js')], {
      cwd: ROOT,
      // The service logs at warn (the relay's and consumers' troubles): kept for a failed run.
      stdio: ['ignore', log, log],
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
    });
    fs.closeSync(log);
    const child = this.child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Waits for `/health/ready`; returns how long that took. A replica that exits fails at once. */
  async ready(timeoutMs = 120_000): Promise<number> {
    let exited = false;
    const took = await waitFor(
      `${this.name} ready`,
      async () => {
        exited = !this.running;
        if (exited) return true;
        return (await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok;
      },
      timeoutMs,
    );
    if (exited) throw new Error(`${this.name} exited:\n${this.tail()}`);
    return took;
  }

  async startAndWait(): Promise<number> {
    this.start();
    return this.ready();
  }

  /** `kill -9` by default: no shutdown hook runs, open requests and transactions are cut off. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    this.child?.kill(signal);
    await this.exited;
  }

  tail(lines = 20): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
