import { startTestStack, TestStack } from '../stack/test-stack';

declare global {
  var __HEXFLEET_TEST_STACK__: TestStack | undefined;
}

/**
 * Jest global setup for projects with integration tests: one stack for the
 * whole run, shared by every project (the first project to ask starts it).
 * Tests isolate themselves with their own topics, groups, subjects and databases.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__HEXFLEET_TEST_STACK__) return;
  const stack = await startTestStack();
  globalThis.__HEXFLEET_TEST_STACK__ = stack;
  // Workers are forked after this, so they inherit these.
  Object.assign(process.env, stack.env, { HEXFLEET_TEST_STACK_BACKEND: stack.choice.backend });
}
