module.exports = {
  ...require('../../../jest.preset.js'),
  ...require('../../../jest.integration.js'),
  displayName: 'notifications',
};
