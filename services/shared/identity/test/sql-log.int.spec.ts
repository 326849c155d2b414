import { TenantId } from '@hexfleet/kernel';
import { eventually } from '@hexfleet/testing';
import { Client } from 'pg';
import { expectStatus, invite, provision, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';

/**
 * Issue 25, "a complete SQL log": every statement identity sends to Postgres while it starts,
 * provisions a tenant and serves a few commands (pg's Client.query wrapped before the service
 * exists, so start-up, migrations, projections and pooled connections are all in it). Every schema
 * a statement names must be one of the service's fixed schemas or `"tenant_<slug>"`, quoted, with a
 * slug TenantId accepts; hostile slugs sent meanwhile never reach a statement's text.
 */
describe('the SQL identity sends', () => {
  const statements: string[] = [];
  const original = Client.prototype.query;
  let service: IdentityHarness;

  beforeAll(() => {
    (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
      this: Client,
      ...args: unknown[]
    ) {
      const [text] = args;
      statements.push(typeof text === 'string' ? text : String((text as { text?: unknown } | null)?.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  afterAll(async () => {
    await service?.close();
    Client.prototype.query = original;
  });

  it('names only fixed schemas and quoted, validated tenant schemas, through provisioning and commands', async () => {
    service = await startIdentity();
    const hostile = ['public', 'pg_catalog', 'information_schema', '\u0430cme', "x'; drop schema eventstore;--"];
    for (const slug of hostile)
      expectStatus(await provision(service, { slug, product: 'school', admin: 'a@b.co' }), 400);
    const { tenant, adminToken } = await provisionTenant(service, 'business');
    const { person } = await invite(service, tenant, adminToken, [{ role: 'hr' }], 'hr');
    await person.signIn();
    // The users list is a read model in the tenant's schema: reading it proves that schema was used.
    await eventually(
      async () => {
        const users = await service.call('GET', '/users?limit=10', { token: adminToken });
        return users.status === 200 && (users.body.items as unknown[]).length === 2;
      },
      { what: 'both users in the read model' },
    );

    const log = statements.join(';\n');
    expect(statements.length).toBeGreaterThan(50);
    // Schema-qualified names (`schema.table`, quoted or not) and schema statements.
    const named = new Set<string>();
    for (const [, schema] of log.matchAll(/("?[A-Za-z_][\w$]*"?)\s*\.\s*"?[A-Za-z_]/g)) named.add(schema);
    // Schemas made, dropped or switched to: each a fixed one of the platform's, or a tenant's.
    const declared = new Set<string>();
    for (const [, schema] of log.matchAll(/\bschema\s+(?:if\s+(?:not\s+)?exists\s+)?("?[^\s;(]+"?)/gi))
      declared.add(schema);
    for (const [, schema] of log.matchAll(/search_path\s+(?:to|=)\s+([^;]+)/gi)) declared.add(schema.trim());
    for (const schema of declared) named.add(schema);
    const FIXED = ['eventstore', 'relay', 'projections', 'identity_private'];
    const strange = [...declared].filter((name) => !FIXED.includes(name.replace(/"/g, '')) && !/tenant_/.test(name));
    const tenantSchemas = [...named].filter((name) => /tenant_/.test(name));
    const unquotedTenant = [...log.matchAll(/(.)tenant_[a-z0-9]+/g)].filter(([, before]) => before !== '"');
    const bad = tenantSchemas.filter((name) => {
      const slug = /^"tenant_(.*)"$/.exec(name)?.[1];
      return slug === undefined || !TenantId.isValid(slug);
    });
    console.log(
      `${statements.length} statements; schemas made or used: ${[...declared].join(', ')}; ` +
        `tenant schemas: ${tenantSchemas.join(', ')}`,
    );
    expect(tenantSchemas).toContain(`"tenant_${tenant}"`);
    expect(bad).toEqual([]);
    expect(strange).toEqual([]);
    expect(unquotedTenant.map(([m]) => m)).toEqual([]);
    for (const slug of hostile) expect(log).not.toContain(slug);
    expect(log).not.toMatch(/drop schema/i);
  });
});
