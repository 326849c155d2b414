const preset = require('../../../jest.preset.js');

module.exports = {
  ...preset,
  ...require('../../../jest.integration.js'),
  displayName: 'pipeline',
  // fractional-indexing ships ES modules only: compile it to CommonJS like the TypeScript.
  transformIgnorePatterns: ['/node_modules/(?!fractional-indexing/)'],
  transform: {
    ...preset.transform,
    '/fractional-indexing/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
};
