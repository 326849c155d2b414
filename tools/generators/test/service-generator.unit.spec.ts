import fs from 'node:fs';
import path from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import serviceGenerator from '../src/service/service.generator';
import { FLEET, GATEWAY_CONFIG, GATEWAY_MODULE } from '../src/service/registrations';

// The generator on a tree in memory: what it writes, where it registers the module, and
// what it refuses, in milliseconds. The integration spec proves the result builds and runs.
const root = path.resolve(__dirname, '../../..');
// formatFiles loads prettier with import(), which Jest's CommonJS runtime cannot: formatting is
// the integration spec's to prove (prettier --check on the generated files).
process.env.NX_SKIP_FORMAT = 'true';
const REGISTRIES = [GATEWAY_CONFIG, GATEWAY_MODULE, FLEET];

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // Prettier's settings too: formatFiles formats with the formatter it finds configured.
  for (const file of [...REGISTRIES, '.prettierrc.json'])
    tree.write(file, fs.readFileSync(path.join(root, file), 'utf8'));
  return tree;
}

const changed = (tree: Tree) => tree.listChanges().map((change) => `${change.type} ${change.path}`);

describe('service generator', () => {
  it('writes the service, its contract and its resolver, and registers it in the gateway and the fleet', async () => {
    const tree = workspace();
    const before = fs.readFileSync(path.join(root, FLEET), 'utf8');
    await serviceGenerator(tree, { name: 'school/zeta', aggregate: 'job-opening' });

    const service = 'services/school/zeta';
    for (const file of [
      'project.json',
      'README.md',
      'src/main.ts',
      'src/zeta.module.ts',
      'src/zeta.config.ts',
      'src/domain/job-opening.decider.ts',
      'src/application/zeta-settings.ts',
      'src/application/job-opening.command-handler.ts',
      'src/application/job-opening.query-handler.ts',
      'src/application/job-opening-list.port.ts',
      'src/adapters/in/job-openings.http.controller.ts',
      'src/adapters/in/job-openings.dto.ts',
      'src/adapters/out/job-opening-list/job-opening-list.projection.ts',
      'src/adapters/out/job-opening-list/job-opening-list.adapter.ts',
      'test/job-opening.decider.unit.spec.ts',
      'test/zeta.int.spec.ts',
      'test/support/zeta-harness.ts',
    ]) {
      expect(tree.exists(`${service}/${file}`)).toBe(true);
    }
    expect(JSON.parse(tree.read(`${service}/project.json`, 'utf-8') ?? '{}').tags).toEqual([
      'type:service',
      'scope:school',
    ]);
    expect(JSON.parse(tree.read('schemas/avro/zeta/topics.json', 'utf-8') ?? '[]')).toEqual([
      expect.objectContaining({
        name: 'zeta.job-opening.v1',
        owner: 'zeta',
        eventTypes: ['hexfleet.zeta.jobopening.JobOpeningCreated', 'hexfleet.zeta.jobopening.JobOpeningRenamed'],
      }),
    ]);
    expect(tree.exists('schemas/avro/zeta/JobOpeningCreated.avsc')).toBe(true);
    expect(tree.read(`${service}/src/zeta.module.ts`, 'utf-8')).toContain(
      'export function createZeta(\n  overrides: Partial<ZetaOptions> = {},',
    );
    expect(tree.read('gateway/src/graphql/zeta/zeta.resolver.ts', 'utf-8')).toContain(
      "@Fronts('zeta', 'GET /job-openings')",
    );

    // Appended last, whichever modules the workspace has by then.
    expect(tree.read(GATEWAY_CONFIG, 'utf-8')).toMatch(
      /export const MODULES = \[[^\]]*'events',[^\]]*'zeta',?\s*\] as const;/,
    );
    const gatewayModule = tree.read(GATEWAY_MODULE, 'utf-8') ?? '';
    expect(gatewayModule).toContain("import { ZetaResolver } from './graphql/zeta/zeta.resolver';");
    expect(gatewayModule).toMatch(/RESOLVERS = \[[^\]]*LiveResolver,[^\]]*\s+ZetaResolver,\s+\]/);
    const offsets = [...before.matchAll(/offset: (\d+)/g)].map(([, n]) => Number(n));
    expect(tree.read(FLEET, 'utf-8')).toContain(
      `{ module: 'zeta', project: 'services/school/zeta', offset: ${Math.max(...offsets) + 1} },`,
    );
  });

  it('refuses a module that exists, with what it found, and writes nothing', async () => {
    const tree = workspace();
    await serviceGenerator(tree, { name: 'school/zeta' });
    const written = changed(tree);
    await expect(serviceGenerator(tree, { name: 'school/zeta' })).rejects.toThrow(
      'Module "zeta" already exists: the Nx project zeta (services/school/zeta), services/school/zeta, schemas/avro/zeta',
    );
    await expect(serviceGenerator(tree, { name: 'business/zeta' })).rejects.toThrow('already exists');
    expect(changed(tree)).toEqual(written);
  });

  it('names the resolver after its product when another module’s resolver has the name', async () => {
    const tree = workspace();
    // HQ's dashboards have a DashboardsResolver: a business module "dashboards" gets its own name.
    await serviceGenerator(tree, { name: 'business/dashboards' });
    const resolver = tree.read('gateway/src/graphql/dashboards/dashboards.resolver.ts', 'utf8') ?? '';
    expect(resolver).toContain('export class BusinessDashboardsResolver {');
    const gatewayModule = tree.read(GATEWAY_MODULE, 'utf8') ?? '';
    expect(gatewayModule).toContain(
      "import { BusinessDashboardsResolver } from './graphql/dashboards/dashboards.resolver';",
    );
    expect(gatewayModule).toMatch(/RESOLVERS = \[[^\]]*\bDashboardsResolver,[^\]]*BusinessDashboardsResolver,\s+\]/);
  });

  it('refuses a module the gateway or the fleet already knows', async () => {
    await expect(serviceGenerator(workspace(), { name: 'school/libraries' })).rejects.toThrow(
      'The gateway already fronts a module "libraries"',
    );
  });

  it.each([
    ['zeta', 'Give the service as <product>/<module>'],
    ['school/zeta/extra', 'Give the service as <product>/<module>'],
    ['garden/zeta', 'Unknown product "garden": one of business, school, shared'],
    ['school/Zeta', 'Bad module name "Zeta"'],
    ['school/ze-ta', 'Bad module name "ze-ta"'],
    ['school/z', 'Bad module name "z"'],
    ['school/new', 'Bad module name "new"'],
  ])('refuses the name %s', async (name, message) => {
    const tree = workspace();
    const before = changed(tree);
    await expect(serviceGenerator(tree, { name })).rejects.toThrow(message);
    expect(changed(tree)).toEqual(before);
  });

  it('refuses an aggregate name that is not kebab-case', async () => {
    await expect(serviceGenerator(workspace(), { name: 'school/zeta', aggregate: 'JobOpening' })).rejects.toThrow(
      'Bad aggregate name "JobOpening"',
    );
  });

  it('fails with the file and what it looked for when a registry changed shape', async () => {
    const tree = workspace();
    tree.write(FLEET, 'export const fleet = [];\n');
    await expect(serviceGenerator(tree, { name: 'school/zeta' })).rejects.toThrow(
      `${FLEET}: cannot find \`const SERVICES: Member[] = [...]\``,
    );
  });
});
