import path from 'node:path';

/** The monorepo root, wherever the devstack is started from. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const kafkaDir = path.join(repoRoot, 'tools', 'devstack', 'kafka');
export const kafkaLibDir = path.join(kafkaDir, 'target', 'lib');
export const registryMain = path.join(repoRoot, 'schemas', 'src', 'registry', 'main.ts');
/** Where `npm run devstack:up` keeps its data, logs and `env` file (DEVSTACK_HOME moves it). */
export const devstackHome = process.env.DEVSTACK_HOME
  ? path.resolve(process.env.DEVSTACK_HOME)
  : path.join(repoRoot, '.devstack');
