// Added to a project's Jest config when it has integration tests: the run's
// shared stack of real Kafka, Postgres and schema registry (libs/testing).
const path = require('node:path');

module.exports = {
  globalSetup: path.join(__dirname, 'libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/jest/global-teardown.ts'),
  // Above the harness's 150 s for a separate service to be ready: a fleet test's beforeAll waits on that.
  testTimeout: 180_000,
};
