import path from 'node:path';

/** The monorepo root: generated files and git paths are relative to it. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** `schemas/avro/<module>/<Event>.avsc` and `topics.json`: the source of truth for every contract. */
export const AVRO_ROOT = path.join(REPO_ROOT, 'schemas/avro');

/** Paths in messages and generated headers use forward slashes from the repo root, as git does. */
export const repoRelative = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join('/');
