import { randomBytes } from 'node:crypto';
import type { Clock } from '@hexfleet/kernel';
import { consumerGroups, createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { createDevIssuer, startLocalService, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, LocalService, Reply } from '@hexfleet/testing';
import { createHq } from '../../src/hq.module';
import type { HqOptions } from '../../src/hq.config';

export type { Reply };
export type HqHarness = LocalService<RunningService> & {
  issuer: DevIssuer;
  /** The consumer group of each read model and policy (suffixed for this run): what a redelivery waits for. */
  groups: ReturnType<typeof consumerGroups>;
};

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * The HQ service in-process on the run's stack: its own database, read-model
 * names of its own (so parallel runs never share a consumer group), a clock the test
 * sets, and an issuer of tokens it trusts.
 */
export async function startHq(
  clock: Clock,
  overrides: Partial<HqOptions> = {},
  issuer?: DevIssuer,
): Promise<HqHarness> {
  const devIssuer = issuer ?? (await createDevIssuer());
  const { definition, module } = createHq({ clock, projectionSuffix: `-${uniqueName('t')}`, ...overrides }, {});
  const service = await startLocalService(
    definition.name,
    devIssuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
  return Object.assign(service, { issuer: devIssuer, groups: consumerGroups(definition) });
}

/** Tokens as identity issues them: HQ over the tenant, school roles over one school each. */
export function tokens(service: HqHarness, tenant: string) {
  return {
    hq: () =>
      service.issuer.mint({
        tenant,
        roles: ['hq-admin'],
        grants: [{ role: 'hq-admin', scopeType: 'tenant', scopeId: null }],
      }),
    at: (schoolId: string, ...roles: string[]) =>
      service.issuer.mint({
        tenant,
        roles,
        grants: roles.map((role) => ({ role, scopeType: 'school', scopeId: schoolId })),
      }),
  };
}

/**
 * A read that sends a write's consistency token back: the service waits (up to 3 s) until
 * the read model has applied the write, and says `fresh`. A busy machine may need another try.
 */
export async function readAfter(service: HqHarness, write: Reply, path: string, token: string): Promise<Reply> {
  const headers = { 'x-consistency-token': write.headers.get('x-consistency-token') ?? '' };
  let reply = await service.call('GET', path, { token, headers });
  for (let tries = 1; reply.headers.get('x-consistency') === 'stale' && tries < 10; tries++) {
    reply = await service.call('GET', path, { token, headers });
  }
  expect([reply.status, reply.headers.get('x-consistency')]).toEqual([200, 'fresh']);
  return reply;
}

/** The statuses and problem codes of replies, by name: one assertion shows every refusal. */
export const outcomes = (replies: Record<string, Reply>) =>
  Object.fromEntries(
    Object.entries(replies).map(([why, r]) => [why, [r.status, r.status >= 400 ? r.body.code : null]]),
  );

let codes = 0;
/** A school code no other test of this run uses. */
export const uniqueCode = (prefix = 'S') =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${(codes++).toString(36)}`.slice(0, 16);

/** Opens a school as HQ and returns its id with the reply. */
export async function openSchool(service: HqHarness, token: string, body: Record<string, unknown> = {}) {
  const reply = await service.call('POST', '/schools', {
    token,
    body: { code: uniqueCode(), name: 'A school', timeZone: 'Asia/Kolkata', ...body },
  });
  if (reply.status !== 201) throw new Error(`opening a school answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return { schoolId: String(reply.body.schoolId), reply };
}
