module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace-checks',
};
