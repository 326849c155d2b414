import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '@hexfleet/kernel';
import { consumerGroups, createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { createDevIssuer, startLocalService, uniqueName } from '@hexfleet/testing';
import type { CallOptions, Reply, TestDatabase } from '@hexfleet/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { withOwnJwks } from '../../src/identity.config';
import { createIdentity } from '../../src/identity.module';

export type { CallOptions, Reply };

export interface IdentityHarness extends RunningService {
  url: string;
  db: TestDatabase;
  operatorKey: string;
  /** The environment it runs with (its signing key among them), for a test that needs a second instance. */
  env: NodeJS.ProcessEnv;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

/** A tenant slug no other test uses. */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/** A client address of its own (sent as X-Forwarded-For by a trusted proxy), so per-address limits never cross tests. */
export const uniqueAddress = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`;

export async function newSigningKeyJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return JSON.stringify(await exportJWK(privateKey));
}

/**
 * Identity in-process on the run's stack: its own database, a fresh signing
 * key, operator key and TOTP key (nothing secret committed), a dev mailbox in
 * a temporary folder, and its consumer groups (a suffix of their own) started
 * at the topics' ends (earlier runs' events are not this instance's business).
 * `extra` sets or unsets identity's own variables.
 */
export async function startIdentity(extra: NodeJS.ProcessEnv = {}, clock?: Clock): Promise<IdentityHarness> {
  const mailboxDir = await mkdtemp(path.join(tmpdir(), 'identity-mail-'));
  const operatorKey = randomBytes(24).toString('base64url');
  // A dev issuer's key pair is a signing key like any other; identity serves its public half itself.
  const issuer = await createDevIssuer();
  const own: NodeJS.ProcessEnv = {
    SIGNING_KEY_JWK: issuer.signingKeyJwk,
    OPERATOR_KEY: operatorKey,
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAILBOX_DIR: mailboxDir,
    TRUSTED_PROXIES: '127.0.0.1',
    HRMS_POLICIES: 'off',
    ADMIN_POLICIES: 'off',
    ...extra,
  };
  const { definition, module } = createIdentity(
    { projectionSuffix: `-${uniqueName('t')}`, ...(clock ? { clock } : {}) },
    own,
  );
  let env: NodeJS.ProcessEnv = {};
  const service = await startLocalService(
    definition.name,
    issuer,
    async (stack) => {
      env = await withOwnJwks({ ...stack, JWKS_JSON: undefined, ...own });
      return createService(definition, module, { env });
    },
    consumerGroups(definition),
  ).catch(async (error: unknown) => {
    await rm(mailboxDir, { recursive: true, force: true });
    throw error;
  });
  return Object.assign(service, {
    operatorKey,
    env,
    async close() {
      await service.app.close();
      await service.db.drop();
      await rm(mailboxDir, { recursive: true, force: true });
    },
  });
}
