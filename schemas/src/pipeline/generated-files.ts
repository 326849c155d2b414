import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** A file a generator owns, by repo-relative path. Generated files are committed, so reviewers see contract changes. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** What differs on disk: files whose content is not what the generator writes, and files it no longer writes. */
export function staleFiles(files: readonly GeneratedFile[], obsolete: readonly string[] = []): string[] {
  const differing = files.filter((file) => {
    const absolute = path.join(REPO_ROOT, file.path);
    return !fs.existsSync(absolute) || fs.readFileSync(absolute, 'utf8') !== file.content;
  });
  return [...differing.map((f) => f.path), ...obsolete];
}

/**
 * The command-line side of every generator: writes (and deletes obsolete
 * files), or with `--check` only reports what is out of date and fails.
 */
export async function runGenerator(
  command: string,
  generate: () => Promise<{ files: GeneratedFile[]; obsolete?: string[] }>,
): Promise<void> {
  const { files, obsolete = [] } = await generate();
  const stale = staleFiles(files, obsolete);
  if (process.argv.includes('--check')) {
    if (stale.length === 0) return console.log(`${command}: ${files.length} generated files are up to date`);
    console.error(`${command}: out of date:\n  ${stale.join('\n  ')}\nrun: ${command}`);
    process.exitCode = 1;
    return;
  }
  for (const file of files.filter((f) => stale.includes(f.path))) {
    fs.mkdirSync(path.dirname(path.join(REPO_ROOT, file.path)), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, file.path), file.content);
  }
  for (const file of obsolete) fs.rmSync(path.join(REPO_ROOT, file));
  console.log(stale.length ? `${command}: wrote\n  ${stale.join('\n  ')}` : `${command}: nothing to change`);
}
