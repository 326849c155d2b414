import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const domainFile = path.join(root, 'tools/workspace-checks/fixtures/domain-sample/src/sample.ts');
// A service is one Nx project whose layers are folders: path-based rules guard them.
const serviceDomainFile = path.join(
  root,
  'tools/workspace-checks/fixtures/service-sample/src/domain/sample.decider.ts',
);
const serviceApplicationFile = path.join(
  root,
  'tools/workspace-checks/fixtures/service-sample/src/application/sample.command-handler.ts',
);
const kernelFile = path.join(root, 'libs/kernel/src/sample.ts');

const eslintBin = path.join(root, 'node_modules', '.bin', 'eslint');

/** Lints `code` as the file at `filePath` with the real ESLint CLI and the repository's config, as `npm run lint` does. */
async function boundaryErrors(
  code: string,
  filePath: string,
  ruleId = '@nx/enforce-module-boundaries',
): Promise<string[]> {
  const run = spawnSync(eslintBin, ['--format', 'json', '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  expect(run.stdout + run.stderr).not.toContain('No cached ProjectGraph');
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  const errors = result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
  expect(run.status).toBe(errors.length ? 1 : 0); // the exit code is what fails `npm run lint`
  return errors;
}

describe('npm run lint enforces the hexagon', () => {
  jest.setTimeout(60_000);

  // The rule reads Nx's project graph and silently skips itself without one;
  // `nx run-many -t lint` computes it first, and so do we.
  beforeAll(() => {
    const nx = spawnSync(path.join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    expect(nx.stdout).toContain('fixture-domain');
  });

  it('fails a type:domain file that imports @nestjs/common', async () => {
    const errors = await boundaryErrors(
      `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
      domainFile,
    );
    expect(errors).toEqual([expect.stringContaining('@nestjs/common')]);
  });

  // Nx bans only packages in its project graph, that is installed ones (typeorm is not: ADR 0032);
  // the path-based rule below bans the rest of the list by name.
  it.each(['kafkajs', 'pg', 'fastify', 'avsc'])('fails a type:domain file that imports %s', async (lib) => {
    const errors = await boundaryErrors(`import * as io from '${lib}';\nexport const x = io;\n`, domainFile);
    expect(errors).toHaveLength(1);
  });

  it('fails a type:domain file that imports a platform library', async () => {
    const errors = await boundaryErrors(`import * as p from '@hexfleet/eventing';\nexport const x = p;\n`, domainFile);
    expect(errors).toEqual([expect.stringContaining('type:domain')]);
  });

  it('fails the kernel when it imports I/O', async () => {
    const errors = await boundaryErrors(`import { Pool } from 'pg';\nexport const x = Pool;\n`, kernelFile);
    expect(errors).toHaveLength(1);
  });

  it('lets a type:domain file import the kernel', async () => {
    const errors = await boundaryErrors(`import * as k from '@hexfleet/kernel';\nexport const x = k;\n`, domainFile);
    expect(errors).toEqual([]);
  });

  describe('inside a service, by folder', () => {
    const layerErrors = (code: string, file: string) => boundaryErrors(code, file, 'no-restricted-imports');

    it.each(['@nestjs/common', 'kafkajs', 'pg', 'typeorm', '@hexfleet/eventing'])(
      'fails src/domain importing %s',
      async (lib) => {
        expect(
          await layerErrors(`import * as io from '${lib}';\nexport const x = io;\n`, serviceDomainFile),
        ).toHaveLength(1);
      },
    );

    it('fails src/domain importing the application or adapter layer', async () => {
      const code = `import { a } from '../application/a.port';\nimport { b } from '../adapters/out/b.adapter';\nexport const x = [a, b];\n`;
      expect(await layerErrors(code, serviceDomainFile)).toHaveLength(2);
    });

    it('fails src/application importing an adapter or pg, and lets it use Nest providers and the domain', async () => {
      const bad = `import { Pool } from 'pg';\nimport { b } from '../adapters/out/b.adapter';\nexport const x = [Pool, b];\n`;
      expect(await layerErrors(bad, serviceApplicationFile)).toHaveLength(2);
      const good = `import { Injectable } from '@nestjs/common';\nimport { d } from '../domain/d.decider';\nexport const x = [Injectable, d];\n`;
      expect(await layerErrors(good, serviceApplicationFile)).toEqual([]);
    });

    it('lets src/domain import the kernel and generated contracts', async () => {
      const code = `import * as k from '@hexfleet/kernel';\nimport * as c from '@hexfleet/schemas';\nexport const x = [k, c];\n`;
      expect(await layerErrors(code, serviceDomainFile)).toEqual([]);
      expect(await boundaryErrors(code, serviceDomainFile)).toEqual([]);
    });
  });
});
