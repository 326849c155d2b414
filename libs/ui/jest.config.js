// libs/ui's unit tests; its components (.tsx) compile with SWC's React transform, so tests may import the index.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'ui',
  transform: {
    ...require('../../jest.preset.js').transform,
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
