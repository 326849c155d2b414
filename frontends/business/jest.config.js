const ui = require('../../libs/ui/jest.config.js');

module.exports = {
  ...ui,
  displayName: 'business-web',
  moduleNameMapper: { ...ui.moduleNameMapper, '^@/(.*)$': '<rootDir>/src/$1' },
  // Playwright's specs (e2e/) run in their own phase of `npm test` (tools/scripts/run-tests.mjs).
  testPathIgnorePatterns: ['/node_modules/', '/e2e/', '/.next/'],
};
