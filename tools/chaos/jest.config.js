// The chaos suite starts a stack of its own (it kills its servers), not the run's shared one.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'chaos',
};
