import fs from 'node:fs';
import path from 'node:path';
import * as estree from 'prettier/plugins/estree';
import * as html from 'prettier/plugins/html';
import * as postcss from 'prettier/plugins/postcss';
import * as typescript from 'prettier/plugins/typescript';
import * as yaml from 'prettier/plugins/yaml';
import type { Options } from 'prettier';
import { format } from 'prettier/standalone';
import { REPO_ROOT } from './paths';

const PARSERS: Record<string, string> = { '.ts': 'typescript', '.yaml': 'yaml', '.html': 'html' };

let options: Options | undefined;

/**
 * Formats a generated file the way `prettier --check .` wants it, with the
 * repo's `.prettierrc.json`, so generated output never fails the format check
 * and a staleness test can compare bytes. Standalone Prettier because its Node
 * entry loads parsers with a dynamic `import()`, which Jest's CommonJS runtime
 * refuses. Overrides in the config are not applied: add them here if one appears.
 */
export async function formatSource(file: string, text: string): Promise<string> {
  const parser = PARSERS[path.extname(file)];
  if (!parser) throw new Error(`no formatter for ${file}`);
  options ??= JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.prettierrc.json'), 'utf8')) as Options;
  return format(text, { ...options, parser, plugins: [estree, typescript, yaml, html, postcss] });
}
