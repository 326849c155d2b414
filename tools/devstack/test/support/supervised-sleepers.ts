/**
 * Stands in for `cli.ts dev` in the signal tests: the real supervisor (every part external, so it
 * starts no server), and plain `sleep` processes started as the fleet starts its services. One is
 * the "fleet" (stopped by beforeStop), one is a part "still starting" that nobody holds yet.
 * Prints `PIDS [..]` once up.
 */
import path from 'node:path';
import { startProcess, stopProcess } from '../../src/processes';
import { runSupervisor } from '../../src/supervisor';

async function main() {
  const home = process.env.DEVSTACK_HOME as string;
  const log = path.join(home, 'sleepers.log');
  const fleet = [startProcess('service-a', 'sleep', ['300'], log), startProcess('service-b', 'sleep', ['300'], log)];
  await runSupervisor({
    ephemeral: false,
    home,
    stopWithParent: true,
    beforeStop: async () => {
      await Promise.all(fleet.map((proc) => stopProcess(proc)));
    },
  });
  const starting = startProcess('gateway-starting', process.execPath, ['-e', 'setInterval(() => {}, 1000)'], log);
  const pids = [process.pid, ...[...fleet, starting].map((proc) => proc.child.pid)];
  process.stdout.write(`PIDS ${JSON.stringify(pids)}\n`);
}

void main();
