import fs from 'node:fs';
import path from 'node:path';
import { uniqueName } from './names';

/**
 * Where the services of this test run keep their logs, when the run keeps them: `npm test`
 * sets HEXFLEET_TEST_LOGS to a folder and, after the run, scans every file in it for secrets
 * (tools/scripts/secrets-in-logs.mjs). Services then log at `info`, as deployed.
 */
export function testLogFile(name: string): string | undefined {
  const dir = process.env.HEXFLEET_TEST_LOGS;
  if (!dir) return undefined;
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${uniqueName(name.replace(/[^\w-]/g, '-'))}.log`);
}

/** The log settings of a service under test: a file of its own at `info` when the run keeps logs. */
export function testLogEnv(name: string): { LOG_LEVEL: string; LOG_FILE?: string } {
  const file = testLogFile(name);
  if (!file) return { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };
  return { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info', LOG_FILE: file };
}
