import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'tools/scripts/audit.mjs');

/** An `npm audit --json` report (format 2) with one advisory in `pkg`, reached directly and through another package. */
const reportWith = (id: string, pkg: string) => ({
  auditReportVersion: 2,
  vulnerabilities: {
    [pkg]: {
      name: pkg,
      severity: 'high',
      via: [
        {
          source: 1,
          name: pkg,
          title: 'Prototype pollution',
          url: `https://github.com/advisories/${id}`,
          severity: 'high',
        },
      ],
    },
    'uses-it': { name: 'uses-it', severity: 'high', via: [pkg] },
  },
  metadata: {},
});

function audit(report: object, advisories: object[], today = '2026-12-07') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-audit-'));
  try {
    fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report));
    fs.writeFileSync(path.join(dir, 'allow.json'), JSON.stringify({ advisories }));
    const run = spawnSync(
      process.execPath,
      [script, `--report=${dir}/report.json`, `--allowlist=${dir}/allow.json`, `--today=${today}`],
      { encoding: 'utf8' },
    );
    return { code: run.status, out: run.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const entry = {
  id: 'GHSA-aaaa-bbbb-cccc',
  package: 'lodash',
  reason: 'only reached by a dev-time CLI path',
  reviewedBy: 'rel',
  reviewed: '2026-12-07',
  expires: '2027-03-01',
};

describe('npm audit against the reviewed allow-list (tools/scripts/audit.mjs)', () => {
  it('passes a clean report, and the repository’s allow-list is well-formed', () => {
    expect(audit({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }, [])).toMatchObject({ code: 0 });
    const own = JSON.parse(fs.readFileSync(path.join(root, 'audit-allowlist.json'), 'utf8')) as {
      advisories: object[];
    };
    for (const listed of own.advisories)
      expect(Object.keys(listed)).toEqual(expect.arrayContaining(Object.keys(entry)));
  });

  it('fails on an advisory not on the list, naming it once (not again for the package that uses it)', () => {
    const { code, out } = audit(reportWith('GHSA-aaaa-bbbb-cccc', 'lodash'), []);
    expect(code).toBe(1);
    expect(out).toContain('GHSA-aaaa-bbbb-cccc in lodash (high): Prototype pollution');
    expect(out).toContain('1 advisories, 0 on the allow-list, 1 problems');
  });

  it('passes an advisory on the list, and fails it again once its review expired or its entry is incomplete', () => {
    expect(audit(reportWith('GHSA-aaaa-bbbb-cccc', 'lodash'), [entry])).toMatchObject({ code: 0 });
    const expired = audit(reportWith('GHSA-aaaa-bbbb-cccc', 'lodash'), [entry], '2027-03-02');
    expect(expired.code).toBe(1);
    expect(expired.out).toContain('expired on 2027-03-01');
    const { reason: _reason, ...noReason } = entry;
    expect(audit(reportWith('GHSA-aaaa-bbbb-cccc', 'lodash'), [noReason]).out).toContain('lacks reason');
    // The same id in another package is another finding.
    expect(audit(reportWith('GHSA-aaaa-bbbb-cccc', 'minimist'), [entry]).code).toBe(1);
  });

  it('says UNCHECKED (exit 3), never passes, when the advisory database cannot be asked', () => {
    const { code, out } = audit({ message: '405 Method Not Allowed', error: { summary: '' } }, []);
    expect(code).toBe(3);
    expect(out).toContain('npm audit: UNCHECKED');
  });
});
