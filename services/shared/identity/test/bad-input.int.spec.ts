import { randomUUID } from 'node:crypto';
import { provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';

interface Case {
  method: string;
  path: string;
  body?: unknown;
  /** 'admin': the tenant admin's token; 'operator' (default): the operator key; 'none': no credentials. */
  as?: 'admin' | 'operator' | 'none' | 'wrong-key';
  status: number;
  /** A field the 400 must name (its path in the request). */
  field?: string;
}

const tenant = 'acme';
const id = randomUUID();
const long = 'x'.repeat(2000);
const HOSTILE_SLUGS = [
  'public',
  'pg_catalog',
  'pgcatalog',
  'information_schema',
  'pg_toast',
  'postgres',
  'template1',
  '\u0430cme', // Cyrillic a
  '\uff41cme', // fullwidth a
  'acme\u200b', // zero-width space
  'a'.repeat(32),
  "acme'",
  'acme"',
  '"acme"',
  'acme;--',
];

// Acceptance: bad input to every identity endpoint gets a 4xx problem+json naming the field, never 500, nothing written.
const CASES: Case[] = [
  { method: 'POST', path: '/tenants', body: {}, as: 'none', status: 401 },
  { method: 'POST', path: '/tenants', body: {}, as: 'wrong-key', status: 401 },
  { method: 'POST', path: '/tenants', body: {}, status: 400, field: 'slug' },
  {
    method: 'POST',
    path: '/tenants',
    body: { slug: 'Bad-Slug', name: 'n', product: 'school', admin: {} },
    status: 400,
    field: 'slug',
  },
  {
    method: 'POST',
    path: '/tenants',
    body: { slug: 'okslug', name: 'n', product: 'shop', admin: { email: 'a@b.co', displayName: 'A' } },
    status: 400,
    field: 'product',
  },
  {
    method: 'POST',
    path: '/tenants',
    body: { slug: 'okslug', name: 'n', product: 'school', admin: { email: 'nope', displayName: 'A' } },
    status: 400,
    field: 'admin.email',
  },
  {
    method: 'POST',
    path: '/tenants',
    body: { slug: 'okslug', name: 'n', product: 'school' },
    status: 400,
    field: 'admin',
  },
  { method: 'POST', path: '/tenants', body: '{"slug": ', status: 400 },
  { method: 'POST', path: '/auth/login', body: {}, status: 400, field: 'email' },
  {
    method: 'POST',
    path: '/auth/login',
    body: { tenant: 'A', email: 'a@b.co', password: 'p' },
    status: 400,
    field: 'tenant',
  },
  {
    method: 'POST',
    path: '/auth/login',
    body: { tenant, email: 'a@b.co', password: long },
    status: 400,
    field: 'password',
  },
  {
    method: 'POST',
    path: '/auth/login',
    body: { tenant, email: 'a@b.co', password: 'p', totp: '12ab56' },
    status: 400,
    field: 'totp',
  },
  {
    method: 'POST',
    path: '/auth/login',
    body: { tenant, email: 'a@b.co', password: 'p', admin: true },
    status: 400,
    field: 'admin',
  },
  { method: 'POST', path: '/auth/refresh', body: { tenant }, status: 400, field: 'refreshToken' },
  { method: 'POST', path: '/auth/refresh', body: { tenant, refreshToken: 'garbage' }, status: 401 },
  {
    method: 'POST',
    path: '/auth/register',
    body: { tenant, email: 'a@b.co', displayName: ' ', password: 'short' },
    status: 400,
    field: 'password',
  },
  {
    method: 'POST',
    path: '/auth/register',
    body: { tenant, email: 'a@b.co', displayName: ' ', password: 'long enough' },
    status: 400,
    field: 'displayName',
  },
  {
    method: 'POST',
    path: '/auth/invitations/accept',
    body: { tenant, token: '', password: 'long enough' },
    status: 400,
    field: 'token',
  },
  {
    method: 'POST',
    path: '/auth/invitations/accept',
    body: { tenant, token: 'garbage', password: 'long enough' },
    status: 422,
  },
  {
    method: 'POST',
    path: '/auth/invitations/accept',
    body: { tenant, token: `${id}.${'A'.repeat(43)}`, password: 'long enough' },
    status: 422,
  },
  {
    method: 'POST',
    path: '/auth/email-verifications',
    body: { tenant, email: 'no at sign' },
    status: 400,
    field: 'email',
  },
  { method: 'POST', path: '/auth/email-verifications/confirm', body: { tenant }, status: 400, field: 'token' },
  { method: 'POST', path: '/auth/email-verifications/confirm', body: { tenant, token: `${id}.1.x` }, status: 422 },
  { method: 'POST', path: '/auth/password-resets', body: { tenant }, status: 400, field: 'email' },
  {
    method: 'POST',
    path: '/auth/password-resets/confirm',
    body: { tenant: 5, token: 't', password: 'p' },
    status: 400,
    field: 'password',
  },
  { method: 'GET', path: '/dev/mailbox', status: 400, field: 'to' },
  { method: 'POST', path: '/auth/logout', as: 'none', status: 401 },
  { method: 'POST', path: '/auth/sessions/revoke-all', as: 'none', status: 401 },
  { method: 'GET', path: '/me', as: 'none', status: 401 },
  { method: 'POST', path: '/me/totp/confirm', body: { code: '12' }, as: 'admin', status: 400, field: 'code' },
  { method: 'POST', path: '/me/totp/confirm', body: { code: '123456' }, as: 'admin', status: 404 },
  { method: 'POST', path: '/me/totp/disable', body: {}, as: 'admin', status: 400, field: 'code' },
  {
    method: 'POST',
    path: '/users/invitations',
    body: { email: 'x', grants: 'no' },
    as: 'admin',
    status: 400,
    field: 'grants',
  },
  {
    method: 'POST',
    path: '/users/invitations',
    body: { email: 'a@b.co', displayName: 'A', grants: [{ role: '' }] },
    as: 'admin',
    status: 400,
    field: 'grants.0.role',
  },
  {
    method: 'POST',
    path: '/users/invitations',
    body: { email: 'a@b.co', displayName: 'A', grants: [{ role: 'hr', schoolId: 'x' }] },
    as: 'admin',
    status: 400,
    field: 'grants.0.schoolId',
  },
  {
    method: 'POST',
    path: '/users/invitations',
    body: { email: 'a@b.co', displayName: 'A', grants: [{ role: 'librarian' }] },
    as: 'admin',
    status: 422,
  },
  {
    method: 'POST',
    path: '/users/invitations',
    body: { email: 'a@b.co', displayName: 'A', grants: [null, 'teacher'] },
    as: 'admin',
    status: 400,
    field: 'grants.1',
  },
  { method: 'GET', path: '/users?limit=0', as: 'admin', status: 400, field: 'limit' },
  { method: 'GET', path: '/users?status=gone', as: 'admin', status: 400, field: 'status' },
  { method: 'GET', path: '/users?colour=red', as: 'admin', status: 400, field: 'colour' },
  { method: 'GET', path: '/users/not-a-uuid', as: 'admin', status: 400, field: 'id' },
  { method: 'GET', path: `/users/${id}`, as: 'admin', status: 404 },
  { method: 'POST', path: `/users/${id}/grants`, body: {}, as: 'admin', status: 400, field: 'role' },
  {
    method: 'POST',
    path: `/users/${id}/grants`,
    body: { role: 'hr', groupId: 7 },
    as: 'admin',
    status: 400,
    field: 'groupId',
  },
  { method: 'DELETE', path: `/users/${id}/grants`, as: 'admin', status: 400, field: 'role' },
  { method: 'DELETE', path: `/users/${id}/grants?role=hr&extra=1`, as: 'admin', status: 400, field: 'extra' },
  // Found by the Schemathesis sweep (seed 20261205): the 400 named no field at all.
  {
    method: 'DELETE',
    path: `/users/${id}/grants?role=hr`,
    body: [null, null],
    as: 'admin',
    status: 400,
    field: 'body',
  },
  { method: 'POST', path: `/users/${id}/deactivate`, body: { reason: 5 }, as: 'admin', status: 400, field: 'reason' },
  { method: 'POST', path: `/users/${id}/deactivate`, body: {}, as: 'admin', status: 404 },
  { method: 'POST', path: '/users/not-a-uuid/reactivate', as: 'admin', status: 400, field: 'id' },
  { method: 'GET', path: '/login-audit?userId=me', as: 'admin', status: 400, field: 'userId' },
  // Hostile tenant slugs (issue 25): reserved schema names, look-alikes, quotes, past the maximum length.
  ...HOSTILE_SLUGS.flatMap((slug): Case[] => [
    {
      method: 'POST',
      path: '/tenants',
      body: { slug, name: 'n', product: 'school', admin: { email: 'a@b.co', displayName: 'A' } },
      status: 400,
      field: 'slug',
    },
    {
      method: 'POST',
      path: '/auth/login',
      body: { tenant: slug, email: 'a@b.co', password: 'p' },
      status: 400,
      field: 'tenant',
    },
  ]),
];

describe('bad input to every endpoint', () => {
  let service: IdentityHarness;
  let adminToken: string;

  beforeAll(async () => {
    service = await startIdentity();
    ({ adminToken } = await provisionTenant(service));
  });
  afterAll(() => service?.close());

  it('is a 4xx problem+json naming the field, never a 500, and writes nothing', async () => {
    const count = async () =>
      (await service.db.pool.query(`select count(*)::int as n from eventstore.events`)).rows[0].n as number;
    const before = await count();
    const results = [];
    for (const c of CASES) {
      const keys = { operator: service.operatorKey, 'wrong-key': `${service.operatorKey}x` } as Record<string, string>;
      const key = keys[c.as ?? 'operator'];
      const headers: Record<string, string> = key ? { 'x-operator-key': key } : {};
      const token = c.as === 'admin' ? adminToken : undefined;
      const reply = await service.call(c.method, c.path, { body: c.body, headers, token });
      const fields = (reply.body.errors as Array<{ field: string }> | undefined)?.map((e) => e.field) ?? [];
      results.push({ c, reply, fields });
    }
    const lines = results.map(
      ({ c, reply, fields }) =>
        `${c.method} ${c.path} ${JSON.stringify(c.body ?? null).slice(0, 70)} -> ${reply.status} ` +
        `${String(reply.body.code)}${fields.length ? ` [${fields.join(', ')}]` : ''}`,
    );
    console.log(`${CASES.length} bad requests:\n${lines.join('\n')}`);
    for (const { c, reply, fields } of results) {
      const name = `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`;
      expect({ name, status: reply.status }).toEqual({ name, status: c.status });
      expect({ name, type: reply.headers.get('content-type') }).toEqual({
        name,
        type: expect.stringContaining('application/problem+json'),
      });
      if (c.field) expect({ name, fields }).toEqual({ name, fields: expect.arrayContaining([c.field]) });
    }
    expect(await count()).toBe(before);
  });
});

describe('the dev mailbox outside development', () => {
  it('does not exist without MAILBOX_DIR', async () => {
    const production = await startIdentity({ MAILBOX_DIR: undefined });
    try {
      const reply = await production.call('GET', '/dev/mailbox?to=a@b.co');
      console.log(`GET /dev/mailbox without MAILBOX_DIR -> ${reply.status} ${reply.headers.get('content-type')}`);
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await production.close();
    }
  });
});
