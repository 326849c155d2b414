import fs from 'node:fs';
import path from 'node:path';
import { freePortRange, seedDemo, startFleet } from '@hexfleet/devstack';
import type { DemoLogin, RunningFleet } from '@hexfleet/devstack';
import { ChaosStack } from './chaos-stack';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The fleet as `npm run dev` runs it (every service in the checkout), on a stack of its own, with
 * the demo's data in: what both sweeps work on. The stack and fleet stop when `work` ends.
 */
export async function withDemoFleet<T>(
  log: (line: string) => void,
  work: (fleet: RunningFleet, logins: DemoLogin[], stack: ChaosStack) => Promise<T>,
): Promise<T> {
  const stack = await ChaosStack.start(log);
  const home = path.join(stack.dir, 'fleet');
  fs.mkdirSync(path.join(home, 'logs'), { recursive: true });
  let fleet: RunningFleet | undefined;
  try {
    fleet = await startFleet({
      home,
      stack: { KAFKA_BROKERS: stack.brokers, DATABASE_URL: stack.adminUrl, SCHEMA_REGISTRY_URL: stack.registryUrl },
      // The gateway and every service at its offset (notifications is 12).
      basePort: await freePortRange(13),
      log: (line) => log(`  ${line}`),
      // One client sending thousands of requests a minute; the limit has tests of its own.
      gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000' },
    });
    return await work(fleet, await seedDemo(fleet, (line) => log(`  ${line}`)), stack);
  } finally {
    await fleet?.stop();
    await stack.stop();
  }
}

/** The product a module belongs to, from where it lives in `services/`. */
export function productOf(module: string): 'business' | 'school' | 'shared' {
  for (const product of ['business', 'school', 'shared'] as const) {
    if (fs.existsSync(path.join(ROOT, 'services', product, module))) return product;
  }
  return 'shared';
}
