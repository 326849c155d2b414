import path from 'node:path';
import { registryMain, repoRoot } from './paths';
import { ManagedProcess, startProcess, waitUntilReady } from './processes';

export interface RegistryOptions {
  brokers: string;
  port: number;
  logDir: string;
  /** Hexfleet keeps events forever, so old and new readers must both read every version. */
  defaultCompatibility?: string;
}

/** Runs the dev schema registry (schemas/src/registry) as its own process, like any other server. */
export async function startRegistry(opts: RegistryOptions): Promise<{ url: string; proc: ManagedProcess }> {
  const logFile = path.join(opts.logDir, 'schema-registry.log');
  const proc = startProcess('schema-registry', process.execPath, ['--import', 'tsx', registryMain], logFile, {
    cwd: repoRoot,
    env: {
      ...process.env,
      KAFKA_BROKERS: opts.brokers,
      REGISTRY_HOST: '127.0.0.1',
      REGISTRY_PORT: String(opts.port),
      REGISTRY_DEFAULT_COMPATIBILITY: opts.defaultCompatibility ?? 'FULL_TRANSITIVE',
    },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitUntilReady(proc, logFile, () => registryAnswers(url), 60_000);
  return { url, proc };
}

export async function registryAnswers(url: string): Promise<boolean> {
  const response = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
