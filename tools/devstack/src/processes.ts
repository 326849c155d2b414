import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A server process the stack started and must stop. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves once the process has exited, whoever stopped it. */
  exited: Promise<number | null>;
}

/** Every process started here and not yet exited: what `stopAllStarted` stops. */
const live = new Set<ManagedProcess>();

/**
 * Starts a process whose output goes to `logFile`, so a failed start can be explained from its log.
 * It is tracked until it exits, so a shutdown that comes while a part is still starting (before
 * its owner holds it) stops it too.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  logFile: string,
  options: SpawnOptions = {},
): ManagedProcess {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { ...options, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc = { name, child, exited };
  live.add(proc);
  void exited.then(() => live.delete(proc));
  return proc;
}

/** Stops every process `startProcess` started that is still running (the supervisor's last step on shutdown). */
export async function stopAllStarted(graceMs = 20_000): Promise<string[]> {
  const left = [...live];
  await Promise.all(left.map((proc) => stopProcess(proc, 'SIGTERM', graceMs)));
  return left.map((proc) => proc.name);
}

/**
 * Calls `onOrphaned` once the process that started this one is gone (its parent pid changes).
 * `npm run dev` forwards SIGINT and SIGTERM to its script, but not SIGHUP, and nothing forwards
 * SIGKILL: without this, `npm` would exit and leave the whole fleet running.
 */
export function whenOrphaned(onOrphaned: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Asks a process to stop, and kills it if it has not stopped within `graceMs`. */
export async function stopProcess(proc: ManagedProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Polls `probe` until it resolves true; fails early, with the log's tail, if the process dies. */
export async function waitUntilReady(
  proc: ManagedProcess,
  logFile: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void proc.exited.then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`${proc.name} exited during start-up:\n${tail(logFile)}`);
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${proc.name} did not become ready within ${timeoutMs / 1000}s:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP port nobody listens on right now, for a server that another process starts a
 * moment later. Below Linux's ephemeral range (32768 and up): a port the kernel hands out
 * for `listen(0)` can meanwhile become some outgoing connection's local port, and then
 * the server's listen fails with EADDRINUSE.
 */
export function freePort(): Promise<number> {
  return freePortRange(1);
}

/** True when something accepts TCP connections on the port. */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1000);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A base port with the `size - 1` after it free too (the dev fleet's layout: base, base+1, ...).
 * Chosen below Linux's ephemeral range (32768 and up), so no outgoing connection of another
 * process can take one of them as its local port between this check and the services' listen
 * (a CI run failed on exactly that: EADDRINUSE on a port that was free a second earlier).
 * Random, so two callers at once rarely pick the same one; each port is checked by binding it.
 */
export async function freePortRange(size: number): Promise<number> {
  const [low, high] = [20_000, 32_768 - size];
  for (;;) {
    const base = low + Math.floor(Math.random() * (high - low));
    const free = await Promise.all(Array.from({ length: size }, (_, i) => bindable(base + i)));
    if (free.every(Boolean)) return base;
  }
}

/** True when a server could listen on the port now. */
function bindable(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
