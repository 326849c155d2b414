const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  ...require('../jest.integration.js'),
  displayName: 'gateway',
  // Mercurius loads @fastify/static, which requires content-disposition 3, an ES module Jest cannot
  // require: tests that load the GraphQL module in-process (the schema check) get it compiled.
  transform: { ...preset.transform, '^.+content-disposition/.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
};
