export { defaultPorts, externalParts, startStack } from './stack';
export type { RunningStack, StackEnv, StackOptions, StackPorts } from './stack';
export { runSupervisor, envFileText } from './supervisor';
export type { StackState } from './supervisor';
export { parseJavaMajor, serverProperties } from './kafka';
export { freePort } from './processes';
