// What other projects use of the devstack: the shapes of a running stack, and
// the pieces the test harness and the chaos suite need to run servers of their
// own (fault tests kill and restart them). The stack itself is driven through its CLI (src/cli.ts).
export type { StackEnv } from './stack';
export type { StackState } from './supervisor';
export { startKafka } from './kafka';
export { startPostgres } from './postgres';
export type { RunningPostgres } from './postgres';
export { registryAnswers, startRegistry } from './registry';
export { freePort, freePortRange, stopProcess } from './processes';
export { startFleet } from './fleet';
export type { RunningFleet } from './fleet';
export { DEMO_PASSWORD, seedDemo } from './demo';
export type { DemoLogin } from './demo';
export type { ManagedProcess } from './processes';
export { ensureMailpit, mailpitAnswers, mailpitBinary, startMailpit } from './mailpit';
export type { MailEnv, RunningMailpit } from './mailpit';
export { buildWebApp, presentWebApps, startWebApp, WEB_APPS } from './web';
export type { RunningWebApp, WebApp } from './web';
