import fs from 'node:fs';
import { parse } from 'yaml';
import type { AsyncApiDocument } from './asyncapi-document.types';

let published: AsyncApiDocument | undefined;

/**
 * `schemas/asyncapi.yaml` as committed (generated and validated by `npx nx asyncapi schemas`), read once.
 * Found through the package rather than relative to this file: a build (dist/) compiles the code, not
 * the YAML, and the package resolves to the one committed file from source and from dist/ alike.
 */
export function publishedAsyncApi(): AsyncApiDocument {
  // eslint-disable-next-line @nx/enforce-module-boundaries -- a data file of this package, not an import
  const file = require.resolve('@hexfleet/schemas/asyncapi.yaml');
  published ??= parse(fs.readFileSync(file, 'utf8')) as AsyncApiDocument;
  return published;
}
