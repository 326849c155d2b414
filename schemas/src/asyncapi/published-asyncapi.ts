import fs from 'node:fs';
import { parse } from 'yaml';
import type { AsyncApiDocument } from './asyncapi-document.types';

/**
 * `schemas/asyncapi.yaml` as committed (generated and validated by `npx nx asyncapi schemas`).
 * Found through the package, so it is the same file from source (tsx, Jest) and from dist/.
 */
export function publishedAsyncApi(): AsyncApiDocument {
  return parse(fs.readFileSync(require.resolve('@hexfleet/schemas/asyncapi.yaml'), 'utf8')) as AsyncApiDocument;
}
