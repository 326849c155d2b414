#!/usr/bin/env node
// `npm run lint`'s dependency check: knip (knip.jsonc) with one change. Knip counts a package as
// used when it is a peer dependency of a used package, optional or not; so `typeorm` and
// `@nestjs/microservices`, optional peers of @nestjs/core and @nestjs/terminus, passed as used while
// nothing imported them (ADR 0032). Here only required peers count: an optional peer is a feature
// of its host that we use only if our code imports it. Arguments go to knip (`--reporter json`).
//
// The change wraps one method of knip's DependencyDeputy (knip is pinned in package.json); if a
// knip upgrade renames it, this script stops with a message instead of passing silently, and the
// fixture test in tools/workspace-checks proves an unused optional peer still fails.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.dirname(createRequire(import.meta.url).resolve('knip'));
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);

const { DependencyDeputy } = await load('DependencyDeputy.js');
const { settleDependencyIssues: settle, getHostDependenciesFor: hostsOf } = DependencyDeputy?.prototype ?? {};
if (typeof settle !== 'function' || typeof hostsOf !== 'function') {
  console.error('tools/scripts/unused-dependencies.mjs: knip changed its internals; adapt the optional-peer rule');
  process.exit(2);
}
DependencyDeputy.prototype.settleDependencyIssues = function (...args) {
  // While deciding what is unused, a package's hosts are only those that require it as a peer.
  this.getHostDependenciesFor = (workspace, dependency) =>
    hostsOf.call(this, workspace, dependency).filter((host) => !host.isPeerOptional);
  try {
    return settle.apply(this, args);
  } finally {
    delete this.getHostDependenciesFor;
  }
};

await load('cli.js');
