// `npm test` runs every project in one Jest process, so one stack serves the whole run.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/schemas/jest.config.js', '<rootDir>/tools/*/jest.config.js'],
  maxWorkers: 2,
  // Global options: project configs cannot set these in a multi-project run.
  testTimeout: 120_000,
  passWithNoTests: true,
};
