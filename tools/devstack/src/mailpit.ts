import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';
import { ManagedProcess, startProcess, stopProcess, waitUntilReady } from './processes';

/** Where tools/scripts/build-mailpit.sh puts the pinned Mailpit (git-ignored, built once per machine). */
export const mailpitBinary = path.join(repoRoot, '.cache', 'bin', 'mailpit');

/** What a service and a test read to send mail and to look at what arrived. */
export interface MailEnv {
  /** Where services send mail: `smtp://127.0.0.1:<port>`. */
  SMTP_URL: string;
  /** Mailpit's web inbox and its API (`<url>/api/v1/...`). */
  MAILPIT_URL: string;
}

export interface RunningMailpit {
  env: MailEnv;
  proc: ManagedProcess;
  stop(): Promise<void>;
}

/** Builds Mailpit from its pinned Go module when this machine has not yet (a few minutes, once). */
export function ensureMailpit(log: (line: string) => void = () => undefined): string {
  if (!fs.existsSync(mailpitBinary)) log('building Mailpit from its Go module (once per machine)');
  execFileSync('bash', [path.join(repoRoot, 'tools', 'scripts', 'build-mailpit.sh')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return mailpitBinary;
}

/**
 * Runs Mailpit, the development SMTP server: it accepts every message (any or no login), keeps
 * them in memory (a temporary database) and shows them in its web inbox and API.
 */
export async function startMailpit(opts: {
  smtpPort: number;
  uiPort: number;
  logDir: string;
  log?: (line: string) => void;
  /** A database file kept across restarts (a test that kills the server); a temporary one when absent. */
  database?: string;
}): Promise<RunningMailpit> {
  const binary = ensureMailpit(opts.log);
  fs.mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, 'mailpit.log');
  const proc = startProcess(
    'mailpit',
    binary,
    [
      '--smtp',
      `127.0.0.1:${opts.smtpPort}`,
      '--listen',
      `127.0.0.1:${opts.uiPort}`,
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
      '--smtp-disable-rdns',
      '--disable-version-check',
      '--max',
      '20000',
      ...(opts.database ? ['--database', opts.database] : []),
    ],
    logFile,
  );
  const env = { SMTP_URL: `smtp://127.0.0.1:${opts.smtpPort}`, MAILPIT_URL: `http://127.0.0.1:${opts.uiPort}` };
  try {
    await waitUntilReady(proc, logFile, () => mailpitAnswers(env.MAILPIT_URL), 30_000);
  } catch (error) {
    await stopProcess(proc, 'SIGKILL', 1000);
    throw error;
  }
  return { env, proc, stop: () => stopProcess(proc, 'SIGTERM', 5000) };
}

export async function mailpitAnswers(url: string): Promise<boolean> {
  const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
