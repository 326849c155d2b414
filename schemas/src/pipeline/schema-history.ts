import { execFileSync } from 'node:child_process';

/** One earlier version of a schema file. */
export interface SchemaVersion {
  /** Where a person finds it: a short commit id in git. */
  revision: string;
  text: string;
}

/**
 * The earlier versions of a schema file, oldest first, by repo-relative path.
 * Git in real use; tests hand in a literal history, so proving the gate needs
 * no commits.
 */
export interface SchemaHistory {
  versionsOf(file: string): SchemaVersion[];
}

/**
 * Every commit reachable from HEAD that added or changed the file, parents
 * before children (`--topo-order`). `--diff-filter=ACMRT` leaves out the
 * commits that delete it (git 2.39 drops every commit for the lowercase
 * `--diff-filter=d`). A file never committed has no history and so always
 * passes; so does every file of a repository without commits. A shallow clone
 * sees only part of the history: CI clones in full.
 */
export function gitHistory(repoRoot: string): SchemaHistory {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repoRoot, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  const headExists = () => {
    try {
      git('rev-parse', '--verify', '--quiet', 'HEAD');
      return true;
    } catch {
      return false; // a repository without commits yet
    }
  };
  let hasCommits: boolean | undefined;
  return {
    versionsOf(file) {
      hasCommits ??= headExists();
      if (!hasCommits) return [];
      const revisions = git('log', '--topo-order', '--reverse', '--format=%H', '--diff-filter=ACMRT', '--', file)
        .split('\n')
        .filter(Boolean);
      // `rev:./path` is relative to -C, so this works even if the repo root is not git's top level.
      return revisions.map((rev) => ({ revision: rev.slice(0, 10), text: git('show', `${rev}:./${file}`) }));
    },
  };
}
