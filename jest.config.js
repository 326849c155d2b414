// `npm test` runs every project in one Jest process, so one stack serves the whole run.
const fs = require('node:fs');
const path = require('node:path');

// Jest refuses a `projects` glob that matches nothing, so list the configs that exist.
const configsUnder = (dir, depth) => {
  const root = path.join(__dirname, dir);
  if (!fs.existsSync(root)) return [];
  if (depth === 0) return fs.existsSync(path.join(root, 'jest.config.js')) ? [path.join(root, 'jest.config.js')] : [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .flatMap((entry) => configsUnder(path.join(dir, entry.name), depth - 1));
};

module.exports = {
  projects: [
    ...configsUnder('libs', 1),
    ...configsUnder('schemas', 0),
    ...configsUnder('tools', 1),
    ...configsUnder('services', 2),
    ...configsUnder('gateway', 0),
    ...configsUnder('frontends', 1),
  ],
  maxWorkers: 2,
  // Global options: project configs cannot set these in a multi-project run.
  testTimeout: 120_000,
  passWithNoTests: true,
};
