export { chooseBackend, dockerEngineAnswers } from './stack/backend';
export { deciderSpec } from './decider-spec';
export type { BackendChoice, StackBackend } from './stack/backend';
export { startTestStack } from './stack/test-stack';
export type { TestStack } from './stack/test-stack';
export { stackEnv, uniqueName } from './names';
export { createTestDatabase } from './database';
export type { TestDatabase } from './database';
export { eventually, readTopicUntil, testKafka } from './await';
