#!/usr/bin/env node
// Scans service logs for secrets: `node tools/scripts/secrets-in-logs.mjs <folder or file>... [--secret=literal]...`
// `npm test` runs it on the logs every service wrote during the run (HEXFLEET_TEST_LOGS). A finding
// is a line that holds a signed token (JWT), a private key (a JWK's "d", a PEM block), an opaque
// identity token (`<uuid>.<43 base64url>`: refresh, invitation, reset), the demo or a test password,
// or any literal given with --secret. Prints `secrets-in-logs: files=N lines=M findings=K` and, per
// finding, the file, line and kind (never the secret); exits 1 when there is any.
import fs from 'node:fs';
import path from 'node:path';

/** Passwords the demo and the tests use: if one reaches a log, a password handler logs its input. */
const KNOWN_PASSWORDS = ['hexfleet-demo-2026', 'correct horse battery staple', 'flow-four-password-2026'];

const PATTERNS = [
  ['signed token (JWT)', /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}/],
  ['private key (JWK "d")', /"d"\s*:\s*"[\w-]{32,}"/],
  ['private key (PEM)', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['opaque identity token', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{43}\b/],
];

const args = process.argv.slice(2);
const literals = [
  ...KNOWN_PASSWORDS.map((p) => ['password', p]),
  ...args.filter((a) => a.startsWith('--secret=')).map((a) => ['secret given', a.slice('--secret='.length)]),
].filter(([, value]) => value.length >= 6);
const files = args
  .filter((a) => !a.startsWith('--'))
  .flatMap((target) =>
    fs.existsSync(target) && fs.statSync(target).isDirectory()
      ? fs
          .readdirSync(target, { recursive: true })
          .map((f) => path.join(target, String(f)))
          .filter((f) => fs.statSync(f).isFile())
      : [target],
  );

let lines = 0;
const findings = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  text.split('\n').forEach((line, i) => {
    lines++;
    for (const [kind, pattern] of PATTERNS) if (pattern.test(line)) findings.push(`${file}:${i + 1}: ${kind}`);
    for (const [kind, value] of literals) if (line.includes(value)) findings.push(`${file}:${i + 1}: ${kind}`);
  });
}
console.log(`secrets-in-logs: files=${files.length} lines=${lines} findings=${findings.length}`);
for (const finding of findings.slice(0, 50)) console.log(`  ${finding}`);
process.exit(findings.length ? 1 : 0);
