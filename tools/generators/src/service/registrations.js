// @ts-check
// Where a new service is registered outside its folder: the gateway (its REST passthrough
// route and its GraphQL resolver) and the dev fleet. Each edit finds its place in the
// file's syntax tree (TypeScript's parser), never by line or text position, and fails
// with the file and what it looked for when that place is not there any more.
const ts = require('typescript');
const { GeneratorInputError } = require('./names');

const GATEWAY_CONFIG = 'gateway/src/config.ts';
const GATEWAY_MODULE = 'gateway/src/gateway.module.ts';
const FLEET = 'tools/devstack/src/fleet.ts';

class MissingAnchorError extends Error {
  /**
   * @param {string} file
   * @param {string} wanted
   */
  constructor(file, wanted) {
    super(
      `${file}: cannot find ${wanted}. The generator edits that file by its syntax; it has changed shape, ` +
        'so update tools/generators/src/service/registrations.js (nothing was written).',
    );
  }
}

/**
 * @param {import('@nx/devkit').Tree} tree
 * @param {string} file
 */
function parse(tree, file) {
  const text = tree.read(file, 'utf-8');
  if (text === null) throw new MissingAnchorError(file, 'the file');
  return { text, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) };
}

/**
 * The array literal a top-level `const <name> = [...]` (or `[...] as const`) holds.
 * @param {ts.SourceFile} source
 * @param {string} name
 * @returns {ts.ArrayLiteralExpression | undefined}
 */
function constArray(source, name) {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
      let init = declaration.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (init && ts.isArrayLiteralExpression(init)) return init;
    }
  }
  return undefined;
}

/**
 * Inserts `text` after the last element of `array` (formatFiles lays it out afterwards).
 * @param {string} text the file
 * @param {ts.ArrayLiteralExpression} array
 * @param {string} element
 */
function appendElement(text, array, element) {
  const last = array.elements[array.elements.length - 1];
  const at = last ? last.getEnd() : array.getStart() + 1;
  return `${text.slice(0, at)}${last ? ', ' : ''}${element}${text.slice(at)}`;
}

/**
 * The class name of the module's GraphQL resolver: `<Module>Resolver`, or, when another
 * module's resolver has that name already (HRMS's `AttendanceResolver` when school/attendance
 * is made), `<Product><Module>Resolver`; Nest and the gateway's imports need them distinct.
 * @param {import('@nx/devkit').Tree} tree
 * @param {{ product: string, Module: string }} n
 */
function resolverClassFor(tree, n) {
  const { source } = parse(tree, GATEWAY_MODULE);
  const resolvers = constArray(source, 'RESOLVERS');
  const taken = new Set((resolvers?.elements ?? []).map((e) => e.getText()));
  const product = n.product.charAt(0).toUpperCase() + n.product.slice(1);
  const name = [`${n.Module}Resolver`, `${product}${n.Module}Resolver`].find((candidate) => !taken.has(candidate));
  if (!name)
    throw new GeneratorInputError(
      `The gateway has a ${n.Module}Resolver and a ${product}${n.Module}Resolver already (${GATEWAY_MODULE})`,
    );
  return name;
}

/**
 * The gateway fronts the module: `MODULES` gives it `<MODULE>_URL` and the REST route
 * `/api/v1/<module>/...`; its resolver joins `RESOLVERS` in the GraphQL module.
 * @param {import('@nx/devkit').Tree} tree
 * @param {import('./names').ServiceNames & { Resolver: string }} n
 */
function registerInGateway(tree, n) {
  {
    const { text, source } = parse(tree, GATEWAY_CONFIG);
    const modules = constArray(source, 'MODULES');
    if (!modules) throw new MissingAnchorError(GATEWAY_CONFIG, '`export const MODULES = [...] as const`');
    const listed = modules.elements.filter(ts.isStringLiteral).map((e) => e.text);
    if (listed.includes(n.module)) {
      throw new GeneratorInputError(`The gateway already fronts a module "${n.module}" (${GATEWAY_CONFIG}, MODULES)`);
    }
    tree.write(GATEWAY_CONFIG, appendElement(text, modules, `'${n.module}'`));
  }
  {
    const resolver = n.Resolver;
    const { text, source } = parse(tree, GATEWAY_MODULE);
    const imports = source.statements.filter(ts.isImportDeclaration);
    const resolverImports = imports.filter(
      (i) => ts.isStringLiteral(i.moduleSpecifier) && /^\.\/graphql\/.+\.resolver$/.test(i.moduleSpecifier.text),
    );
    const afterImport = (resolverImports[resolverImports.length - 1] ?? imports[imports.length - 1])?.getEnd();
    if (afterImport === undefined) throw new MissingAnchorError(GATEWAY_MODULE, 'its imports');
    const resolvers = constArray(source, 'RESOLVERS');
    if (!resolvers) {
      throw new MissingAnchorError(GATEWAY_MODULE, '`export const RESOLVERS = [...]` listing the `*Resolver` classes');
    }
    // The later edit first, so the earlier position still holds.
    const withProvider = appendElement(text, resolvers, resolver);
    tree.write(
      GATEWAY_MODULE,
      `${withProvider.slice(0, afterImport)}\nimport { ${resolver} } from './graphql/${n.module}/${n.module}.resolver';` +
        withProvider.slice(afterImport),
    );
  }
}

/**
 * `npm run dev` starts the module: a member of `SERVICES` on the next free port offset.
 * @param {import('@nx/devkit').Tree} tree
 * @param {import('./names').ServiceNames} n
 * @returns {number} the port offset it got (the fleet's base port plus this)
 */
function registerInFleet(tree, n) {
  const { text, source } = parse(tree, FLEET);
  const services = constArray(source, 'SERVICES');
  if (!services) throw new MissingAnchorError(FLEET, '`const SERVICES: Member[] = [...]`');
  /** @param {ts.Expression} element @param {string} key */
  const property = (element, key) => {
    if (!ts.isObjectLiteralExpression(element)) return undefined;
    const found = element.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === key);
    return found && ts.isPropertyAssignment(found) ? found.initializer : undefined;
  };
  const offsets = [];
  for (const element of services.elements) {
    const module = property(element, 'module');
    const offset = property(element, 'offset');
    if (!module || !ts.isStringLiteral(module) || !offset || !ts.isNumericLiteral(offset)) {
      throw new MissingAnchorError(FLEET, "SERVICES members of the form { module: '...', project: '...', offset: N }");
    }
    if (module.text === n.module) {
      throw new GeneratorInputError(`The dev fleet already runs a module "${n.module}" (${FLEET}, SERVICES)`);
    }
    offsets.push(Number(offset.text));
  }
  // Offset 0 is the gateway's.
  const offset = Math.max(0, ...offsets) + 1;
  tree.write(
    FLEET,
    appendElement(text, services, `{ module: '${n.module}', project: '${n.serviceRoot}', offset: ${offset} }`),
  );
  return offset;
}

module.exports = {
  FLEET,
  GATEWAY_CONFIG,
  GATEWAY_MODULE,
  MissingAnchorError,
  registerInFleet,
  registerInGateway,
  resolverClassFor,
};
