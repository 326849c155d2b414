// What other projects use of the devstack: the shapes of a running stack, and
// the pieces the test harness needs to run a broker of its own (fault tests
// stop and restart it). The stack itself is driven through its CLI (src/cli.ts).
export type { StackEnv } from './stack';
export type { StackState } from './supervisor';
export { startKafka } from './kafka';
export { freePort, stopProcess } from './processes';
export type { ManagedProcess } from './processes';
