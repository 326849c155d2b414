import { randomBytes, randomUUID } from 'node:crypto';
import { callService, createDevIssuer, eventually, unsignedToken } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import { Fleet, startFleet } from './support/fleet';

/**
 * Issue 7, acceptance 2, across the fleet: every operation of every service
 * (from its own OpenAPI document) and of the gateway refuses a request with no
 * token, an expired one, one signed by another key and an unsigned one. What a
 * valid token of another tenant may do is the tenant-isolation sweep's
 * (tools/chaos/src/isolation.ts, `npm run isolation`).
 */
const ALL_ROLES = [
  'employee',
  'manager',
  'hr',
  'payroll-admin',
  'tenant-admin',
  'hq-admin',
  'school-admin',
  'teacher',
  'librarian',
  'student',
  'guardian',
];
const PUBLIC_IDENTITY = /^\/(auth\/|\.well-known\/|dev\/|tenants$)/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
}

async function operationsOf(url: string): Promise<Operation[]> {
  const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, object> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => m in item).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** Each `{param}` filled in: the first from `ids` (tenant A's thing of that collection), the rest made up. */
function concrete(path: string, ids: Record<string, string>) {
  const collection = path.split('/')[1];
  let first = true;
  return path.replace(/\{[^}]+\}/g, () => {
    const value = first ? (ids[collection] ?? randomUUID()) : randomUUID();
    first = false;
    return value;
  });
}

const ok = (reply: Reply, status: number, what: string) => {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** What a refusal may say: its problem fields, minus the echo of the request's own URL. */
const said = (body: Record<string, unknown>) => JSON.stringify({ ...body, instance: undefined, detail: undefined });

describe('the fleet refuses bad tokens everywhere', () => {
  let fleet: Fleet;
  const tenantA = `seca${randomBytes(4).toString('hex')}`;
  /** A's names carry this marker: it must never appear in anything B receives. */
  const marker = `Zq${randomBytes(4).toString('hex')}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    fleet = await startFleet({
      identity: 'services/shared/identity',
      profile: 'services/shared/profile',
      hrms: 'services/business/hrms',
      payroll: 'services/business/payroll',
      libraries: 'services/school/libraries',
      events: 'services/school/events',
      hq: 'services/school/hq',
      admin: 'services/school/admin',
      attendance: 'services/school/attendance',
    });
    // Tenant A, provisioned by the operator: its admin's user (identity) and profile (from Kafka).
    const provisioned = await callService(fleet.services.identity.url, 'POST', '/tenants', {
      headers: { 'x-operator-key': fleet.operatorKey },
      body: {
        slug: tenantA,
        name: `${marker} Ltd`,
        product: 'business',
        admin: { email: `${marker.toLowerCase()}@a.example`, displayName: `${marker} Admin` },
      },
    });
    ids.users = ids.profiles = String(ok(provisioned, 201, 'provision').adminUserId);
    const a = await fleet.issuer.mint({ tenant: tenantA, userId: ids.users, roles: ALL_ROLES });
    await eventually(
      async () =>
        (await callService(fleet.services.profile.url, 'GET', `/profiles/${ids.users}`, { token: a })).status === 200,
      { timeoutMs: 30_000, what: "tenant A's admin profile" },
    );
    const at = (module: string) => (method: string, path: string, body?: unknown) =>
      callService(fleet.services[module].url, method, path, { token: a, body });

    const hrms = at('hrms');
    const hired = ok(
      await hrms('POST', '/employees', {
        firstName: marker,
        lastName: 'Secret',
        workEmail: `${marker.toLowerCase()}@a.example`,
        joiningDate: '2026-01-05',
        department: 'Research',
        designation: 'Scientist',
        employmentType: 'full-time',
      }),
      201,
      'hire',
    );
    ids.employees = String(hired.employeeId);

    const libraries = at('libraries');
    ids.schools = randomUUID();
    const rule = { patronCategory: null, itemType: null, loanPeriodDays: 14, maxLoans: 3, maxRenewals: 1, maxHolds: 1 };
    const money = { fineRatePerDayMinor: 100, currency: 'INR', graceDays: 0, fineCapMinor: null, hardDueDate: null };
    ok(await libraries('PUT', `/schools/${ids.schools}/loan-rules`, { ...rule, ...money }), 204, 'rules');
    const title = ok(
      await libraries('POST', '/titles', {
        schoolId: ids.schools,
        title: `${marker} Book`,
        authors: [],
        itemType: 'book',
      }),
      201,
      'title',
    );
    ids.titles = String(title.titleId);
    const copy = ok(
      await libraries('POST', `/titles/${ids.titles}/copies`, { barcode: `${marker}-1`, shelf: 'A' }),
      201,
      'copy',
    );
    ids.copies = String(copy.copyId);
    const patron = ok(
      await libraries('POST', '/patrons', { schoolId: ids.schools, name: `${marker} Reader`, category: 'student' }),
      201,
      'patron',
    );
    ids.patrons = String(patron.patronId);
    ids.loans = String(
      ok(await libraries('POST', '/loans', { copyId: ids.copies, patronId: ids.patrons }), 201, 'loan').loanId,
    );
  });
  afterAll(() => fleet?.stop());

  it('refuses no token, an expired one, another key’s and an unsigned one on every operation, direct and through the gateway', async () => {
    const other = await createDevIssuer('not-identity');
    const tokens: Record<string, string | undefined> = {
      'no token': undefined,
      expired: await fleet.issuer.mint({ tenant: tenantA, roles: ALL_ROLES, expiresInSeconds: -30 }),
      'other key': await other.mint({ tenant: tenantA, roles: ALL_ROLES }),
      'alg none': unsignedToken({ tenant: tenantA }),
    };
    let requests = 0;
    const leaks: string[] = [];
    for (const [module, service] of Object.entries(fleet.services)) {
      // Identity's public door (sign-in, JWKS, the dev mailbox, the operator's provisioning) has its own tests.
      const operations = (await operationsOf(service.url)).filter(
        ({ path }) => module !== 'identity' || !PUBLIC_IDENTITY.test(path),
      );
      for (const { method, path } of operations) {
        const url = concrete(path, ids);
        for (const [kind, token] of Object.entries(tokens)) {
          for (const [where, base, prefix] of [
            ['direct', service.url, ''],
            ['gateway', fleet.url, `/api/v1/${module}`],
          ]) {
            const reply = await callService(base, method, `${prefix}${url}`, {
              token,
              body: method === 'GET' || method === 'DELETE' ? undefined : {},
            });
            requests++;
            if (reply.status !== 401 || said(reply.body).includes(marker))
              leaks.push(`${where} ${method} ${module}${path} with ${kind}: ${reply.status}`);
          }
        }
      }
      console.log(`${module}: ${operations.length} operations x 4 bad tokens x (direct + gateway)`);
    }
    console.log(`bad tokens: ${requests} requests, ${leaks.length} not refused`);
    expect(leaks).toEqual([]);
  });
});
