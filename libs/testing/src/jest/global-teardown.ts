/** Stops the run's stack (once, however many projects share it); a failed test does not skip this. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__HEXFLEET_TEST_STACK__;
  globalThis.__HEXFLEET_TEST_STACK__ = undefined;
  await stack?.stop();
}
