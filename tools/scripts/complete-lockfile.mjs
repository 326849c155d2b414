#!/usr/bin/env node
// Adds lock entries for other platforms' optional native packages that this
// machine's npm registry mirror does not serve (it 404s e.g. @swc/core-darwin-arm64),
// so that `npm ci` accepts the lock. Each entry carries the os/cpu/libc a full
// registry would have recorded, which is what makes npm skip it on this platform.
// Runs as the root `postinstall`, so every `npm install` leaves a lock that `npm ci` accepts;
// `--check` only reports (a test runs it).
import fs from 'node:fs';

const OSES = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPUS = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

/** `@swc/core-linux-arm-gnueabihf` -> { os: ['linux'], cpu: ['arm'], libc: ['glibc'] } */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p));
  if (!cpu) return undefined;
  const libc = parts.some((p) => p.startsWith('musl'))
    ? 'musl'
    : parts.some((p) => p.startsWith('gnu'))
      ? 'glibc'
      : undefined;
  return { ...(os && { os: [os] }), cpu: [cpu], ...(libc && { libc: [libc] }) };
}

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    const nested = `${path}/node_modules/${dep}`;
    if (lock.packages[key] || lock.packages[nested]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    lock.packages[key] = { version, ...(entry.dev && { dev: true }), optional: true, ...platform };
    added.push(`${dep}@${version}`);
  }
}
if (added.length === 0) {
  console.log('package-lock.json lists every optional platform package');
  process.exit(0);
}
if (process.argv.includes('--check')) {
  console.error(
    `package-lock.json lacks ${added.length} optional platform entries; run: node tools/scripts/complete-lockfile.mjs`,
  );
  process.exit(1);
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: added ${added.length} entries for other platforms:\n  ${added.join('\n  ')}`);
