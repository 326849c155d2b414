// What other projects use of the devstack: the shapes of a running stack. The
// devstack itself is driven through its CLI (src/cli.ts), never imported to run.
export type { StackEnv } from './stack';
export type { StackState } from './supervisor';
