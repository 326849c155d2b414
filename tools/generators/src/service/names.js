// @ts-check
const { names } = require('@nx/devkit');

/** The products a service may belong to: the `scope:<product>` tags eslint.config.mjs knows. */
const PRODUCTS = ['business', 'school', 'shared'];

/**
 * A module name is the contract module's folder (`schemas/avro/<module>`, `^[a-z][a-z0-9]*$`),
 * the Nx project, the `<MODULE>_URL` variable and the `@hexfleet/schemas` namespace at once.
 */
const MODULE = /^[a-z][a-z0-9]{1,29}$/;
const AGGREGATE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Would not work as `import { <module> } from '@hexfleet/schemas'`, or would shadow one of its exports. */
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if implements import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void while with yield contracts'
  ).split(' '),
);

/** Who may write in a generated service, by product: roles of the catalogue in @hexfleet/schemas. */
const WRITER_ROLES = {
  business: ['tenant-admin'],
  school: ['school-admin'],
  shared: ['tenant-admin', 'school-admin'],
};

class GeneratorInputError extends Error {}

/**
 * `job-opening` -> `job-openings`: English plurals of the last word, enough for aggregate names.
 * @param {string} kebab
 */
function plural(kebab) {
  if (/[^aeiou]y$/.test(kebab)) return `${kebab.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(kebab)) return `${kebab}es`;
  return `${kebab}s`;
}

/**
 * Everything a template needs to know, from `<product>/<module>` and the aggregate's name:
 * `school/zeta` with `item` gives `services/school/zeta`, `createZeta`, `ItemCreated` on
 * `zeta.item.v1`, the read model `zeta-item-list` in `adapters/out/item-list/`, ...
 *
 * @param {string} name `<product>/<module>`, e.g. `school/hq`
 * @param {string} [aggregate] kebab-case, e.g. `campus`; `item` when not given
 */
function serviceNames(name, aggregate = 'item') {
  const match = /^([^/]+)\/([^/]+)$/.exec(String(name ?? '').trim());
  if (!match) throw new GeneratorInputError(`Give the service as <product>/<module>, e.g. school/hq (got "${name}")`);
  const [, product, module] = match;
  if (!PRODUCTS.includes(product)) {
    throw new GeneratorInputError(
      `Unknown product "${product}": one of ${PRODUCTS.join(', ')} (the scope:<product> tags of eslint.config.mjs)`,
    );
  }
  if (!MODULE.test(module) || RESERVED.has(module)) {
    throw new GeneratorInputError(
      `Bad module name "${module}": 2 to 30 lower-case letters and digits, starting with a letter, and not a ` +
        'reserved word (it names the contract folder schemas/avro/<module>, the Nx project and <MODULE>_URL)',
    );
  }
  if (!AGGREGATE.test(aggregate)) {
    throw new GeneratorInputError(`Bad aggregate name "${aggregate}": kebab-case, e.g. campus or job-opening`);
  }

  const thing = names(aggregate);
  const things = names(plural(aggregate));
  const moduleNames = names(module);
  const list = names(`${aggregate}-list`);
  const topic = `${module}.${aggregate}.v1`;
  const words = aggregate.replace(/-/g, ' ');
  // By the first letter: right for the usual names (an item, a campus), not for every English word (a user).
  const article = /^[aeiou]/.test(aggregate) ? 'an' : 'a';
  return {
    product,
    module,
    Module: moduleNames.className,
    MODULE: moduleNames.constantName,
    /** `job-opening`, `JobOpening`, `jobOpening`, `job opening` */
    thing: thing.fileName,
    Thing: thing.className,
    thingCamel: thing.propertyName,
    thingWords: words,
    /** `an item`, `a job opening` (and `An item` to start a sentence). */
    aThing: `${article} ${words}`,
    AThing: `${article === 'an' ? 'An' : 'A'} ${words}`,
    things: things.fileName,
    Things: things.className,
    thingsCamel: things.propertyName,
    thingsWords: plural(aggregate).replace(/-/g, ' '),
    /** The aggregate's id in events and rows: `jobOpeningId`, column `job_opening_id`. */
    thingId: `${thing.propertyName}Id`,
    idColumn: `${aggregate.replace(/-/g, '_')}_id`,
    table: plural(aggregate).replace(/-/g, '_'),
    /** Avro namespaces are dotted identifiers: `job-opening` becomes `jobopening` (as profile's `employeelink`). */
    namespace: `hexfleet.${module}.${aggregate.replace(/-/g, '')}`,
    topic,
    /** The generated union of the topic's events, `@hexfleet/schemas`'s `<module>.<TopicEvent>`. */
    TopicEvent: `${topic
      .split(/[^A-Za-z0-9]+/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}Event`,
    /** The read model: folder and files `item-list`, `itemList`, port `ItemList`, token `ITEM_LIST`. */
    list: list.fileName,
    List: list.className,
    listCamel: list.propertyName,
    LIST: list.constantName,
    listName: `${module}-${list.fileName}`,
    writerRoles: WRITER_ROLES[/** @type {keyof typeof WRITER_ROLES} */ (product)],
    serviceRoot: `services/${product}/${module}`,
  };
}

/** @typedef {ReturnType<typeof serviceNames>} ServiceNames */

module.exports = { GeneratorInputError, PRODUCTS, plural, serviceNames };
