import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compatibilityProblems, workingTreeSchemas } from '../src/pipeline/contracts-compatibility';
import { REPO_ROOT } from '../src/pipeline/paths';
import { gitHistory, MissingHistoryError, SchemaHistory } from '../src/pipeline/schema-history';

const FILE = 'schemas/avro/shop/OrderPlaced.avsc';
const orderPlaced = (...fields: object[]) =>
  JSON.stringify({ type: 'record', name: 'OrderPlaced', namespace: 'hexfleet.shop.order', fields }, null, 2);
const orderId = { name: 'orderId', type: 'string' };
const quantity = { name: 'quantity', type: 'int' };
const quantityWithDefault = { name: 'quantity', type: 'int', default: 1 };
const coupon = { name: 'coupon', type: ['null', 'string'], default: null };

/** A fixture history: FILE committed as each of `texts`, oldest first, in commits c1, c2, ... */
const committed = (...texts: string[]): SchemaHistory => ({
  versionsOf: (file) => (file === FILE ? texts.map((text, i) => ({ revision: `c${i + 1}`, text })) : []),
});
const gate = (text: string, history: SchemaHistory) => compatibilityProblems([{ path: FILE, text }], history);

describe('the contract gate: each .avsc stays FULL_TRANSITIVE compatible with its history', () => {
  it('fails when a field without a default is removed, naming the file, the field and the version it breaks', () => {
    const problems = gate(orderPlaced(orderId), committed(orderPlaced(orderId, quantity)));

    expect(problems).toEqual([
      expect.stringContaining(`${FILE} breaks FULL_TRANSITIVE compatibility with version 1 (commit c1)`),
    ]);
    expect(problems[0]).toContain('version 1 cannot read data written with the new schema');
    expect(problems[0]).toContain('hexfleet.shop.order.OrderPlaced.quantity');
  });

  it('passes when an optional field (with a default) is added', () => {
    expect(gate(orderPlaced(orderId, quantity, coupon), committed(orderPlaced(orderId, quantity)))).toEqual([]);
  });

  it('fails when a field without a default is added: new readers could not read the events already kept', () => {
    const problems = gate(orderPlaced(orderId, quantity), committed(orderPlaced(orderId)));
    expect(problems).toEqual([expect.stringContaining('new schema cannot read data written with version 1')]);
  });

  it('checks every earlier version, not only the latest', () => {
    // v2 gave quantity a default, so dropping it is fine for v2's readers, but v1's readers still need it.
    const history = committed(orderPlaced(orderId, quantity), orderPlaced(orderId, quantityWithDefault));
    const problems = gate(orderPlaced(orderId), history);
    expect(problems).toEqual([expect.stringContaining('with version 1 (commit c1)')]);
  });

  it('counts a commit that only changes layout as no new version', () => {
    const sameSchemaReformatted = JSON.stringify(JSON.parse(orderPlaced(orderId, quantity)));
    const history = committed(
      orderPlaced(orderId, quantity),
      sameSchemaReformatted,
      orderPlaced(orderId, quantity, coupon),
    );
    expect(gate(orderPlaced(orderId, coupon), history)).toEqual([
      expect.stringContaining('with version 2 (commit c3)'),
      expect.stringContaining('with version 1 (commit c1)'),
    ]);
  });

  it('passes a file with no history, and reports one that is not valid Avro', () => {
    expect(gate(orderPlaced(orderId), committed())).toEqual([]);
    expect(gate('{"type":"record"}', committed())).toEqual([
      expect.stringMatching(/^schemas\/avro\/shop.*Invalid schema/),
    ]);
  });
});

describe('the gate on this repository', () => {
  it('every schema under schemas/avro is compatible with its git history', () => {
    const files = workingTreeSchemas();
    expect(files.map((f) => f.path)).toContain('schemas/avro/example/Deposited.avsc');
    expect(compatibilityProblems(files, gitHistory(REPO_ROOT))).toEqual([]);
  });

  it('reads versions from git oldest first, and none for a file never committed', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-history-'));
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
        {
          stdio: 'pipe',
        },
      );
    try {
      git('init', '--quiet');
      const history = gitHistory(repo);
      expect(history.versionsOf(FILE)).toEqual([]); // no commits at all
      fs.mkdirSync(path.join(repo, path.dirname(FILE)), { recursive: true });
      for (const text of [orderPlaced(orderId), orderPlaced(orderId, coupon)]) {
        fs.writeFileSync(path.join(repo, FILE), text);
        git('add', '.');
        git('commit', '--quiet', '-m', 'change');
      }
      expect(
        gitHistory(repo)
          .versionsOf(FILE)
          .map((v) => v.text),
      ).toEqual([orderPlaced(orderId), orderPlaced(orderId, coupon)]);
      expect(gitHistory(repo).versionsOf('schemas/avro/shop/Never.avsc')).toEqual([]);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('fails, never passes, when the history is missing: a shallow clone or a directory outside git', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-shallow-'));
    const origin = path.join(root, 'origin');
    const shallow = path.join(root, 'shallow');
    const plain = path.join(root, 'plain');
    const git = (cwd: string, ...args: string[]) =>
      execFileSync(
        'git',
        ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
        { stdio: 'pipe' },
      );
    try {
      fs.mkdirSync(path.join(origin, path.dirname(FILE)), { recursive: true });
      git(origin, 'init', '--quiet');
      // Version 1 has a field without a default that the later one drops: only the full history sees the break.
      for (const text of [orderPlaced(orderId, quantity), orderPlaced(orderId)]) {
        fs.writeFileSync(path.join(origin, FILE), text);
        git(origin, 'add', '.');
        git(origin, 'commit', '--quiet', '-m', 'change');
      }
      execFileSync('git', ['clone', '--quiet', '--depth=1', `file://${origin}`, shallow], { stdio: 'pipe' });
      const candidate = { path: FILE, text: orderPlaced(orderId) };
      expect(() => compatibilityProblems([candidate], gitHistory(shallow))).toThrow(MissingHistoryError);
      expect(() => gitHistory(shallow).versionsOf(FILE)).toThrow(/shallow clone.*git fetch --unshallow/);
      // What `.ci/run` does on a shallow clone: fetch the rest, and the gate sees the break again.
      git(shallow, 'fetch', '--quiet', '--unshallow');
      expect(compatibilityProblems([candidate], gitHistory(shallow))).toEqual([
        expect.stringContaining('breaks FULL_TRANSITIVE compatibility with version 1'),
      ]);
      fs.mkdirSync(plain);
      expect(() => gitHistory(plain).versionsOf(FILE)).toThrow(/not a git work tree/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
