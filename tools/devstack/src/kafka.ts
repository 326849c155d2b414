import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaDir, kafkaLibDir } from './paths';
import { ManagedProcess, startProcess, waitUntilReady } from './processes';

export interface KafkaOptions {
  dataDir: string;
  logDir: string;
  port: number;
  controllerPort: number;
  /** JVM heap, e.g. '1g'. One broker on a 2-core, 24 GiB machine is happy with 1 GiB. */
  heap: string;
  /** The port clients are told to use, when a proxy sits in front of the broker (fault tests). */
  advertisedPort?: number;
}

const NO_JAVA_HELP =
  'Without them, run Kafka another way: `docker compose -f docker-compose.kafka.yml up -d` on a machine with Docker, ' +
  'or point KAFKA_BROKERS at an existing broker.';

function javaMajorVersion(): number | undefined {
  // `java -version` writes to standard error.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return result.error ? undefined : parseJavaMajor(`${result.stdout}${result.stderr}`);
}

/** `openjdk version "17.0.15"` -> 17; `java version "1.8.0_392"` -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function hasMaven(): boolean {
  try {
    execFileSync('mvn', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Makes sure Java 17+ is there and Kafka's jars are resolved from Maven Central; returns the classpath. */
export function ensureKafkaJars(log: (line: string) => void = () => undefined): string {
  const java = javaMajorVersion();
  if (java === undefined)
    throw new Error(`Kafka needs Java 17 or newer, and no \`java\` was found on PATH. ${NO_JAVA_HELP}`);
  if (java < 17) throw new Error(`Kafka 4 needs Java 17 or newer; \`java\` on PATH is Java ${java}. ${NO_JAVA_HELP}`);
  const resolved = fs.existsSync(kafkaLibDir) && fs.readdirSync(kafkaLibDir).some((f) => f.startsWith('kafka_2.13-'));
  if (!resolved) {
    if (!hasMaven())
      throw new Error(`Resolving Kafka's jars needs Maven (\`mvn\`), which is not on PATH. ${NO_JAVA_HELP}`);
    log('resolving Apache Kafka jars from Maven Central (first run only)...');
    execFileSync('mvn', ['-q', '-B', '-f', path.join(kafkaDir, 'pom.xml'), 'dependency:copy-dependencies'], {
      stdio: 'inherit',
    });
  }
  return path.join(kafkaLibDir, '*');
}

/** A single-node KRaft cluster: this one process is both broker and controller. */
export function serverProperties(opts: KafkaOptions): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${opts.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${opts.port},CONTROLLER://127.0.0.1:${opts.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${opts.advertisedPort ?? opts.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${opts.dataDir}`,
    // Topics come from the topic catalog, never from a typo in a producer.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    // One broker: every internal topic has one replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Fewer internal partitions and no join delay keep first use fast on two cores.
    'offsets.topic.num.partitions=10',
    'transaction.state.log.num.partitions=10',
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

export async function startKafka(opts: KafkaOptions, log: (line: string) => void): Promise<ManagedProcess> {
  const classpath = ensureKafkaJars(log);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.mkdirSync(opts.logDir, { recursive: true });
  const configFile = path.join(opts.logDir, 'server.properties');
  fs.writeFileSync(configFile, serverProperties(opts));

  if (!fs.existsSync(path.join(opts.dataDir, 'meta.properties'))) {
    const clusterId = execFileSync('java', ['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'], {
      encoding: 'utf8',
    }).trim();
    execFileSync(
      'java',
      ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', configFile, '--standalone'],
      { stdio: 'ignore' },
    );
  }

  const stdoutLog = path.join(opts.logDir, 'kafka.out');
  const proc = startProcess(
    'kafka',
    'java',
    [
      `-Xms${opts.heap}`,
      `-Xmx${opts.heap}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dkafka.logs.dir=${opts.logDir}`,
      `-Dlog4j2.configurationFile=${path.join(kafkaDir, 'log4j2.properties')}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      configFile,
    ],
    stdoutLog,
  );
  await waitUntilReady(proc, path.join(opts.logDir, 'kafka.log'), () => kafkaAnswers(`127.0.0.1:${opts.port}`), 90_000);
  return proc;
}

/** Ready means a client can fetch cluster metadata, not merely that the port is open. */
export async function kafkaAnswers(broker: string): Promise<boolean> {
  const admin = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect();
  }
}
