import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ManagedProcess, startKafka, stopProcess } from '@hexfleet/devstack';

export interface PrivateKafka {
  brokers: string;
  /** Stops the broker (SIGTERM, or SIGKILL for a crash); its data stays for `start()`. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * A single-node KRaft broker of a test's own, for tests that stop or kill
 * Kafka: the run's shared broker must stay up for every other test.
 */
export async function startPrivateKafka(heap = '512m'): Promise<PrivateKafka> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-kafka-'));
  const options = {
    dataDir: path.join(home, 'data'),
    logDir: path.join(home, 'logs'),
    port: await freePort(),
    controllerPort: await freePort(),
    heap,
  };
  let broker: ManagedProcess | undefined = await startKafka(options, () => undefined);
  // If this test process dies, take the broker with it.
  const killOnExit = () => broker?.child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    brokers: `127.0.0.1:${options.port}`,
    async stop(signal = 'SIGTERM') {
      if (broker) await stopProcess(broker, signal);
      broker = undefined;
    },
    async start() {
      broker ??= await startKafka(options, () => undefined);
    },
    async destroy() {
      if (broker) await stopProcess(broker, 'SIGKILL');
      broker = undefined;
      process.removeListener('exit', killOnExit);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
