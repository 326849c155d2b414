import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectionGroup } from '@hexfleet/eventing';
import type { Clock } from '@hexfleet/kernel';
import { createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import {
  callService,
  createTestDatabase,
  listenOnFreePort,
  serviceTestEnv,
  startGroupsAtTopicEnds,
  uniqueName,
} from '@hexfleet/testing';
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
 * a temporary folder, and its directory's consumer group started at the
 * topics' ends (earlier runs' events are not this instance's business).
 */
export async function startIdentity(extra: NodeJS.ProcessEnv = {}, clock?: Clock): Promise<IdentityHarness> {
  const db = await createTestDatabase('identity');
  const mailboxDir = await mkdtemp(path.join(tmpdir(), 'identity-mail-'));
  const operatorKey = randomBytes(24).toString('base64url');
  const suffix = `-${uniqueName('t')}`;
  const env = await withOwnJwks({
    ...serviceTestEnv(db.url, { jwksJson: '', signingKeyJwk: '', mint: async () => '' }),
    JWKS_JSON: undefined,
    SIGNING_KEY_JWK: await newSigningKeyJwk(),
    OPERATOR_KEY: operatorKey,
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAILBOX_DIR: mailboxDir,
    PROJECTION_SUFFIX: suffix,
    TRUSTED_PROXIES: '127.0.0.1',
    HRMS_POLICIES: 'off',
    ...extra,
  });
  const { definition, module } = createIdentity(clock ? { clock } : {}, env);
  await startGroupsAtTopicEnds([
    ...(definition.projections ?? []).map((p) => ({ groupId: projectionGroup(p), topics: p.topics })),
    ...(definition.policies ?? []).map((p) => ({ groupId: `policy.${p.name}`, topics: p.topics })),
  ]);
  const service = await createService(definition, module, { env });
  const url = await listenOnFreePort(service.app);
  return {
    ...service,
    url,
    db,
    operatorKey,
    env,
    call: (method, route, options) => callService(url, method, route, options),
    async close() {
      await service.app.close();
      await db.drop();
      await rm(mailboxDir, { recursive: true, force: true });
    },
  };
}
