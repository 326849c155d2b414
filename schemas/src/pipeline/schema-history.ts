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
 * passes; so does every file of a repository without commits. Missing history
 * is an error, never a pass: outside a git work tree (an exported tarball) or
 * in a shallow clone the gate would compare a schema with none or only some of
 * its versions, so `versionsOf` throws `MissingHistoryError` and the gate fails
 * (`.ci/run` unshallows its clone first; docs/adr/0069-compat-gate-needs-history.md).
 */
export class MissingHistoryError extends Error {
  constructor(repoRoot: string, why: string) {
    super(
      `the schema compatibility gate needs the full git history of ${repoRoot}, but ${why}. ` +
        'Run `git fetch --unshallow` (or clone without --depth) and run the gate again.',
    );
    this.name = 'MissingHistoryError';
  }
}

export function gitHistory(repoRoot: string): SchemaHistory {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repoRoot, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  const checkHistory = () => {
    let inside: string;
    try {
      inside = git('rev-parse', '--is-inside-work-tree').trim();
    } catch {
      inside = 'false';
    }
    if (inside !== 'true') throw new MissingHistoryError(repoRoot, 'it is not a git work tree');
    if (git('rev-parse', '--is-shallow-repository').trim() === 'true') {
      throw new MissingHistoryError(repoRoot, 'it is a shallow clone');
    }
  };
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
      if (hasCommits === undefined) {
        checkHistory();
        hasCommits = headExists();
      }
      if (!hasCommits) return [];
      const revisions = git('log', '--topo-order', '--reverse', '--format=%H', '--diff-filter=ACMRT', '--', file)
        .split('\n')
        .filter(Boolean);
      // `rev:./path` is relative to -C, so this works even if the repo root is not git's top level.
      return revisions.map((rev) => ({ revision: rev.slice(0, 10), text: git('show', `${rev}:./${file}`) }));
    },
  };
}
