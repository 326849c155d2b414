import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectStatus, invite, PASSWORD, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const scan = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'tools/scripts/secrets-in-logs.mjs'), ...args], { encoding: 'utf8' });

/**
 * Issue 25, secrets never in logs: identity (the service that sees passwords, issues tokens and
 * holds the signing key) logs at `debug` to a file through sign-in, refresh, invitation, password
 * reset and a failed login; the scan `npm test` runs on every service's log finds none of them.
 */
describe('identity’s log holds no secret', () => {
  let service: IdentityHarness;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-log-'));
  const logFile = path.join(dir, 'identity.log');

  beforeAll(async () => {
    service = await startIdentity({ LOG_LEVEL: 'debug', LOG_FILE: logFile });
  });
  afterAll(async () => {
    await service?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('after sign-in, refresh, invitation, reset and a failed login: no password, token or key in it', async () => {
    const { tenant, admin, adminToken } = await provisionTenant(service);
    // provisionTenant signed the admin in; a second login gives a pair of this test's own.
    const body = expectStatus(await admin.login(), 200).body;
    const tokens = { accessToken: String(body.accessToken), refreshToken: String(body.refreshToken) };
    const refreshed = expectStatus(
      await admin.call('POST', '/auth/refresh', { tenant, refreshToken: tokens.refreshToken }),
      200,
    ).body;
    expectStatus(await service.call('GET', '/me', { token: String(refreshed.accessToken) }), 200);
    expect((await admin.login('a wrong password entirely')).status).toBe(401);
    const { person } = await invite(service, tenant, adminToken, [{ role: 'hr' }], 'hr');
    const invitation = await person.lastMail('invitation');
    await person.signIn();
    expectStatus(await person.call('POST', '/auth/password-resets', { tenant, email: person.email }), 202);
    const reset = await person.lastMail('password-reset');

    const log = fs.readFileSync(logFile, 'utf8');
    const secrets = [
      PASSWORD,
      'a wrong password entirely',
      adminToken,
      tokens.accessToken,
      tokens.refreshToken,
      String(refreshed.accessToken),
      String(refreshed.refreshToken),
      String(invitation.token),
      String(reset.token),
      service.operatorKey,
      (JSON.parse(String(service.env.SIGNING_KEY_JWK)) as { d: string }).d,
      String(service.env.TOTP_ENCRYPTION_KEY),
    ];
    const result = scan(dir, ...secrets.map((s) => `--secret=${s}`));
    console.log(`${result.stdout.trim()} (identity at debug, ${log.split('\n').length} lines)`);
    // It did log: start-up and the requests are there, so the scan read a real log.
    expect(log).toContain('"route":"/auth/login"');
    expect(log).toContain('"route":"/auth/refresh"');
    expect(result.stdout).toContain('findings=0');
    expect(result.status).toBe(0);

    // And the scan is not blind: the same log with one token in it fails.
    fs.appendFileSync(
      logFile,
      `${JSON.stringify({ level: 'info', msg: 'oops', body: { refreshToken: tokens.refreshToken } })}\n`,
    );
    const leaked = scan(dir);
    expect(leaked.status).toBe(1);
    expect(leaked.stdout).toContain('opaque identity token');
  });
});
