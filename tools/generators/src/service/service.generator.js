// @ts-check
// `npx nx g @hexfleet/tools:service <product>/<module> [--aggregate=<name>]`
//
// Plain CommonJS with JSDoc types (type-checked by tsc, checkJs): Nx loads it as it
// is, with no TypeScript transpiler to install (see tools/generators/README.md).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { formatFiles, generateFiles, getProjects, logger, OverwriteStrategy } = require('@nx/devkit');
const { GeneratorInputError, serviceNames } = require('./names');
const { registerInFleet, registerInGateway, resolverClassFor } = require('./registrations');

/**
 * @typedef {object} ServiceGeneratorOptions
 * @property {string} name `<product>/<module>`
 * @property {string} [aggregate] kebab-case; `item` when not given
 */

/**
 * Writes the service, its contracts and its registrations into the tree (nothing
 * reaches the disk if any step throws), and returns the step that runs once the
 * files are on disk: the contract pipeline (TypeScript contracts, topic catalog,
 * AsyncAPI), which reads the new `.avsc` files from there.
 *
 * @param {import('@nx/devkit').Tree} tree
 * @param {ServiceGeneratorOptions} options
 */
async function serviceGenerator(tree, options) {
  const named = serviceNames(options.name, options.aggregate);
  const n = { ...named, Resolver: resolverClassFor(tree, named) };
  refuseExisting(tree, n);
  generateFiles(tree, path.join(__dirname, 'files'), '.', n, {
    overwriteStrategy: OverwriteStrategy.ThrowIfExisting,
  });
  registerInGateway(tree, n);
  const offset = registerInFleet(tree, n);
  await formatFiles(tree);
  return () => {
    runContractPipeline(tree.root);
    const next = [
      [
        `npx nx test ${n.module}`,
        'its decider spec, and the service on a real stack (source .devstack/env to use yours)',
      ],
      ['npm run dev', `the fleet, with it on the base port + ${offset}`],
    ];
    const width = Math.max(...next.map(([command]) => command.length)) + 2;
    logger.info(
      [
        '',
        `${n.serviceRoot} is ready; through the gateway at /api/v1/${n.module}/${n.things}.`,
        ...next.map(([command, what]) => `  ${command.padEnd(width)}# ${what}`),
        `Then make ${n.Thing} yours: ${n.serviceRoot}/README.md lists every file.`,
      ].join('\n'),
    );
  };
}

/**
 * A generator that creates only: an existing module (its folder, its contracts, a
 * project of that name anywhere) is refused before anything is written.
 *
 * @param {import('@nx/devkit').Tree} tree
 * @param {import('./names').ServiceNames} n
 */
function refuseExisting(tree, n) {
  const taken = [
    n.serviceRoot,
    `schemas/avro/${n.module}`,
    `schemas/src/contracts/${n.module}.contracts.ts`,
    `gateway/src/graphql/${n.module}/${n.module}.resolver.ts`,
  ].filter((p) => tree.exists(p));
  const project = getProjects(tree).get(n.module);
  if (project) taken.unshift(`the Nx project ${n.module} (${project.root})`);
  if (taken.length) {
    throw new GeneratorInputError(
      `Module "${n.module}" already exists: ${taken.join(', ')}. ` +
        'This generator only creates new modules; nothing was changed.',
    );
  }
}

/**
 * `npx nx codegen schemas` and `npx nx asyncapi schemas`, run the way those targets run
 * them: the generated contracts, catalog and AsyncAPI document are committed files
 * that `npm test` checks are up to date.
 *
 * @param {string} root
 */
function runContractPipeline(root) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  for (const main of ['codegen.main.ts', 'asyncapi.main.ts']) {
    execFileSync(tsx, [`schemas/src/pipeline/${main}`], { cwd: root, stdio: 'inherit' });
  }
}

module.exports = serviceGenerator;
module.exports.default = serviceGenerator;
module.exports.serviceGenerator = serviceGenerator;
