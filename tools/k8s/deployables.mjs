// The fleet's deployables as the repository has them, for the scripts that generate the chart's
// data and the Dockerfiles: every services/<area>/<module> with a src/main.ts, the gateway, and the
// dev schema registry.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** module name -> project root. */
export const SERVICES = Object.fromEntries(
  fs
    .readdirSync(path.join(root, 'services'))
    .flatMap((area) => fs.readdirSync(path.join(root, 'services', area)).map((module) => `services/${area}/${module}`))
    .filter((project) => fs.existsSync(path.join(root, project, 'src/main.ts')))
    .sort()
    .map((project) => [path.basename(project), project]),
);

/** name (the image and the chart's deployable), the folder holding its Dockerfile, what build-service.mjs builds. */
export const DEPLOYABLES = [
  ...Object.entries(SERVICES).map(([name, dir]) => ({
    name,
    dir,
    build: dir,
    main: `dist/${dir}/src/main.js`,
    title: `Hexfleet ${name} service`,
  })),
  {
    name: 'gateway',
    dir: 'gateway',
    build: 'gateway',
    main: 'dist/gateway/src/main.js',
    title: 'Hexfleet gateway (GraphQL and REST)',
  },
  {
    name: 'registry',
    dir: 'schemas',
    build: 'schemas/src/registry',
    main: 'dist/schemas/src/registry/main.js',
    title: 'Hexfleet dev schema registry (Confluent REST API)',
  },
];
