#!/usr/bin/env node
// `npx nx build <service>`: compiles the service and the workspace libraries it
// can import to CommonJS under dist/, keeping the repository's layout, so that
// `node dist/<service root>/src/main.js` runs with the root node_modules.
// SWC (not esbuild) because Nest's dependency injection needs decorator metadata;
// it also rewrites the @hexfleet/* path aliases to relative requires.
import swc from '@swc/core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const project = process.argv[2];
// A project's entry is <project>/src/main.ts; a folder holding main.ts itself also builds (the dev
// schema registry, schemas/src/registry, whose image runs dist/schemas/src/registry/main.js).
const entry =
  project &&
  [path.join(root, project, 'src', 'main.ts'), path.join(root, project, 'main.ts')].find((f) => fs.existsSync(f));
if (!entry) {
  console.error('usage: build-service.mjs <project root with src/main.ts, or a folder with main.ts>');
  process.exit(2);
}
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const outRoot = path.join(root, 'dist');

const sources = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
        .map((f) => path.join(dir, f))
    : [];
const libraryRoots = Object.values(compilerOptions.paths).map(([entry]) => path.dirname(path.join(root, entry)));
const files = [...new Set([...libraryRoots, path.dirname(entry)].flatMap(sources))];

// Tests build the services they run beside each other, several at once: a process
// starting from dist/ must never read a file another build has half written.
function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

let written = 0;
for (const file of files) {
  const { code, map } = await swc.transformFile(file, {
    filename: file,
    sourceMaps: true,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  });
  const out = path.join(outRoot, path.relative(root, file)).replace(/\.ts$/, '.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  writeAtomically(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
  if (map) writeAtomically(`${out}.map`, map);
  written++;
}
console.log(
  `built ${written} files; run: node ${path.relative(root, path.join(outRoot, path.relative(root, entry))).replace(/\.ts$/, '.js')}`,
);
