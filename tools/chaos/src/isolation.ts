import fs from 'node:fs';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType } from 'graphql';
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
  IntrospectionQuery,
} from 'graphql';
import { isListType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { createClient } from 'graphql-ws';
import { Client as Pg } from 'pg';
import WebSocket from 'ws';
import type { RunningFleet } from '@hexfleet/devstack';
import { BUSINESS_ROLES, SCHOOL_ROLES } from '@hexfleet/schemas';
import { issuerForKey, schemaValues } from '@hexfleet/testing';
import type { OpenApiDocument, Schema } from '@hexfleet/testing';
import type { ChaosStack } from './chaos-stack';
import { productOf, withDemoFleet } from './demo-fleet';

/*
 * The tenant-isolation sweep (issue 25): tenant A holds at least one thing of every kind every
 * service keeps; tenant B, holding every role there is (and grants on A's schools), calls every
 * operation of every service, directly and through the gateway, REST and GraphQL, with
 * well-formed requests that point at A's things. A leak is:
 *   - an answer that carries A's data (an id of A's it was not given, or one of A's names);
 *   - a read of one of A's things that answers 2xx with something in it;
 *   - any change to A's event streams or read models (compared before and after, per service);
 *   - any of A's records on B's `domainEvents` subscription.
 * It runs the fleet as `npm run dev` does (every service present in the checkout, each its own
 * process) on a stack of its own, seeded by the demo, so it grows with every new service.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAPHQL_OPERATIONS = path.join(ROOT, 'gateway', 'graphql-operations.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ALL_ROLES = [...new Set<string>([...BUSINESS_ROLES, ...SCHOOL_ROLES])];
/** Identity's public door (sign-in, sign-up, resets, JWKS, dev mailbox, provisioning) names its tenant in the body: its own tests cover it. */
const PUBLIC_IDENTITY = /^\/(auth\/|\.well-known\/|dev\/|tenants$)/;
/** GraphQL fields about the caller's own session or a tenant named in the input (the same public door). */
const SESSION_FIELDS = new Set([
  'login',
  'logout',
  'refreshSession',
  'register',
  'acceptInvitation',
  'requestPasswordReset',
  'resetPassword',
  'confirmEmail',
  'resendEmailVerification',
  'revokeAllSessions',
  'enrolTotp',
  'confirmTotp',
  'disableTotp',
]);
/** Path parameters named `{id}`: the key of the thing, from the collection before it. */
const ID_ALIASES: Record<string, string> = {
  academicYearId: 'yearId',
  staffId: 'userId',
  payrollRunId: 'period',
  // Notifications' `/inbox/{id}/read`: an entry of the inbox is an `itemId`.
  inboxId: 'itemId',
};
/**
 * Kinds the seed does not make yet, each with why: the sweep reports their operations as
 * unseeded (called with an id A does not have, which proves little) instead of failing.
 */
export const NOT_SEEDED: Record<string, string> = {
  rolloverId: "HQ's year-end rollover moves every school of the group to the next year; the demo runs mid-year",
  guardianUserId:
    "the demo's students have no accounts (their rows carry no email), so no profile to link a guardian on",
  itemId:
    "notices go to employees, approvers and patrons: the sweep's caller (A's admin) may have none in their own inbox",
  deliveryId: "a delivery exists only once one of the demo's events became a notice (a leave decided, a hold ready)",
};

export interface IsolationReport {
  operations: number;
  cases: number;
  leaks: string[];
  /** Writes B made in its own tenant (2xx): not leaks, listed so a reader can judge them. */
  accepted: string[];
  /** Operations whose path needed an id A has none of, by the missing key. */
  unseeded: Record<string, string[]>;
  statuses: Record<string, number>;
  graphqlFields: number;
  /** Records B's `domainEvents` subscription received (its own writes), none of A's. */
  subscribed: number;
  /** Answers of 500 and above: faults, whoever's data they were about. */
  serverErrors: string[];
  /**
   * The detector tried on A's own token: reads of A's things it must flag. Zero would mean the
   * sweep could not see a leak if there were one.
   */
  canary: { reads: number; flagged: number };
}

type Ids = Record<string, string>;
interface Tenant {
  slug: string;
  product: 'business' | 'school';
  token: string;
  /** A's ids by kind, the first found of each (every id of A's is kept, under `kind#id` for the others). */
  ids: Ids;
  /** The same as each service's own answers name them: a year id is HQ's in HQ and Admin's in Admin. */
  idsBy: Record<string, Ids>;
  /** A's names, emails and codes as its own reads show them: text B must never receive. */
  secrets: Set<string>;
}

export async function runIsolationSweep(log: (line: string) => void): Promise<IsolationReport> {
  return withDemoFleet(log, async (fleet, logins, stack) => {
    // Identity checks the issuer it signs as; the others trust its key.
    const issuer = await issuerForKey(fleet.secrets.signingKeyJwk, 'hexfleet-identity');
    const services = Object.entries(fleet.urls)
      .filter(([key]) => key !== 'GATEWAY_URL')
      .map(([key, url]) => ({ module: key.replace(/_URL$/, '').toLowerCase(), url }));
    const documents = new Map<string, OpenApiDocument>();
    for (const { module, url } of services)
      documents.set(module, (await (await fetch(`${url}/openapi.json`)).json()) as OpenApiDocument);

    // Tenant A: the demo's two tenants, each with a token holding every role (and every school).
    const tenants: Tenant[] = [];
    for (const login of logins) {
      const product = login.tenant === 'acme' ? 'business' : 'school';
      const tenant: Tenant = { slug: login.tenant, product, token: '', ids: {}, idsBy: {}, secrets: new Set() };
      const mint = () =>
        issuer.mint({
          tenant: tenant.slug,
          userId: tenant.ids.userId,
          roles: ALL_ROLES,
          grants: grantsOn(tenant.ids),
          expiresInSeconds: 3600,
        });
      tenants.push(tenant);
      // Its schools first (a school-scoped read needs a grant on the school), then everything.
      for (let pass = 0; pass < 2; pass++) {
        tenant.token = await mint();
        await harvest(fleet, services, documents, tenant, log);
      }
      await seedEveryKind(fleet, documents, tenant, log);
      await harvest(fleet, services, documents, tenant, log);
      log(`  tenant A ${tenant.slug}: ${Object.keys(tenant.ids).length} kinds of ids, ${tenant.secrets.size} names`);
    }

    // Tenant B: every role, and grants on A's schools it has no business holding.
    const intruder = 'intruder';
    const everySchool = Object.assign({}, ...tenants.map((t) => t.ids));
    const b = await issuer.mint({
      tenant: intruder,
      roles: ALL_ROLES,
      grants: grantsOn(everySchool),
      expiresInSeconds: 3600,
    });
    // A tenant with nothing: what a read answers when there is nothing to see.
    const control = await issuer.mint({
      tenant: 'control',
      roles: ALL_ROLES,
      grants: grantsOn(everySchool),
      expiresInSeconds: 3600,
    });

    const feed = subscribe(fleet.urls.GATEWAY_URL, b);
    await feed.ready;
    // A positive signal for the subscription: B's own hire reaches B's feed.
    const ownHire = await call(fleet.urls.HRMS_URL, 'POST', '/employees', b, {
      firstName: 'Bea',
      lastName: 'Intruder',
      workEmail: 'bea@intruder.test',
      joiningDate: '2026-01-05',
      department: 'Ops',
      designation: 'Clerk',
      employmentType: 'full-time',
    });
    const ownId = String((ownHire.json as { employeeId?: string }).employeeId);
    await until(() => feed.received.some((r) => r.subject === ownId), 60_000, "B's own hire on B's feed");

    const snapshot = () => snapshotOf(stack, services, tenants);
    let before = await snapshot();
    await until(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const now = await snapshot();
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return settled;
      },
      120_000,
      "tenant A's streams and read models to settle",
    );

    const report: IsolationReport = {
      operations: 0,
      cases: 0,
      leaks: [],
      accepted: [],
      unseeded: {},
      statuses: {},
      graphqlFields: 0,
      subscribed: 0,
      serverErrors: [],
      canary: { reads: 0, flagged: 0 },
    };

    // Every call planned first, so that what B itself sends (A's ids, the schemas' example
    // names) is known: B's own records and answers may echo it without leaking anything.
    const owners = (module: string) =>
      tenants.filter((t) => productOf(module) === 'shared' || productOf(module) === t.product);
    const restPlan = services.flatMap(({ module, url }) =>
      owners(module).flatMap((a) =>
        requestsOf(documents.get(module) as OpenApiDocument, idsFor(a, module))
          .filter((request) => module !== 'identity' || !PUBLIC_IDENTITY.test(request.template))
          .map((request) => ({ module, url, a, request })),
      ),
    );
    const schema = await introspect(fleet.urls.GATEWAY_URL, b);
    const fronts = JSON.parse(fs.readFileSync(GRAPHQL_OPERATIONS, 'utf8')) as Array<{
      field: string;
      module: string;
      operation: string;
    }>;
    const graphqlPlan = fronts
      .filter((front) => !SESSION_FIELDS.has(front.field))
      .flatMap((front) => {
        const query = schema.getQueryType()?.getFields()[front.field];
        const field = query ?? schema.getMutationType()?.getFields()[front.field];
        if (!field) return [];
        const kind = query ? ('query' as const) : ('mutation' as const);
        return owners(front.module).map((a) => ({
          front,
          a,
          kind,
          call: graphqlCall(kind, field, idsFor(a, front.module), front.operation),
        }));
      });
    report.graphqlFields = new Set(graphqlPlan.map((p) => p.front.field)).size;
    const sent = new Set<string>();
    for (const { request } of restPlan) strings(request.path.split(/[/?&=]/).map(decodeURIComponent), sent);
    for (const { request } of restPlan) strings(request.body, sent);
    for (const { call: c } of graphqlPlan) strings(c.variables, sent);
    // A name B sent (an example) or that is part of one is no evidence: drop it from A's secrets.
    for (const a of tenants)
      for (const secret of [...a.secrets])
        if ([...sent].some((text) => text.includes(secret))) a.secrets.delete(secret);
    const foreign = (text: string, a: Tenant) => foreignIn(text, sent, a);

    /** What a caller holding `token` got that it should not have, about A's things. */
    const restLeak = async (base: string, request: Request, a: Tenant, token: string, reply: Reply) => {
      const leak = foreign(reply.text, a);
      if (leak || request.method !== 'GET' || reply.status >= 300) return leak;
      // A read answered as it answers A, and not as it answers a tenant with nothing.
      const asA = token === a.token ? reply : await call(base, 'GET', request.path, a.token);
      const nothing = await call(base, 'GET', request.path, control);
      if (sameAnswer(reply, asA, request.given) && !sameAnswer(asA, nothing, request.given))
        return `answered as it answers A: ${reply.text.slice(0, 160)}`;
      return undefined;
    };

    // The canary: A reading its own things through the same detector must be flagged.
    for (const { url, a, request } of restPlan.filter((p) => p.request.method === 'GET' && p.request.given.size)) {
      const reply = await call(url, 'GET', request.path, a.token);
      if (reply.status >= 300) continue;
      report.canary.reads++;
      if (await restLeak(url, request, a, a.token, reply)) report.canary.flagged++;
    }

    const sweepRest = async (plan: typeof restPlan) => {
      for (const { module, url, a, request } of plan) {
        report.operations++;
        if (request.missing) (report.unseeded[request.missing] ??= []).push(`${module} ${request.operation}`);
        for (const [where, base] of [
          ['direct', url],
          ['gateway', `${fleet.urls.GATEWAY_URL}/api/v1/${module}`],
        ]) {
          const reply = await call(base, request.method, request.path, b, request.body);
          report.cases++;
          report.statuses[reply.status] = (report.statuses[reply.status] ?? 0) + 1;
          const what = `${where} ${module} ${request.operation} (A=${a.slug})`;
          if (reply.status >= 500) report.serverErrors.push(`${what}: ${reply.status} ${reply.text.slice(0, 200)}`);
          const leak = await restLeak(base, request, a, b, reply);
          if (leak) report.leaks.push(`${what}: ${reply.status} ${leak}`);
          else if (request.method !== 'GET' && reply.status < 300) report.accepted.push(`${what}: ${reply.status}`);
        }
      }
    };

    const gateway = fleet.urls.GATEWAY_URL;
    const gql = (token: string, c: { query: string; variables: Record<string, unknown> }) =>
      call(gateway, 'POST', '/graphql', token, c);
    const dataOf = (reply: Reply) => JSON.stringify((reply.json as { data?: unknown } | undefined)?.data ?? null);
    const sweepGraphql = async (plan: typeof graphqlPlan) => {
      for (const { front, a, kind, call: c } of plan) {
        const reply = await gql(b, c);
        report.cases++;
        if (reply.status >= 500) report.serverErrors.push(`graphql ${front.field}: ${reply.status}`);
        const data = dataOf(reply);
        let leak = foreign(data, a);
        if (!leak && kind === 'query' && data !== 'null') {
          const asA = dataOf(await gql(a.token, c));
          const nothing = dataOf(await gql(control, c));
          const same = (x: string, y: string) => strip(x, c.given) === strip(y, c.given);
          if (same(data, asA) && !same(asA, nothing)) leak = `answered as it answers A: ${data.slice(0, 160)}`;
        }
        if (leak) report.leaks.push(`graphql ${kind} ${front.field} (A=${a.slug}): ${leak}`);
      }
    };

    // Reads first, while B's tenant is as empty as the control's; then every write.
    const reads = restPlan.filter((p) => p.request.method === 'GET');
    await sweepRest(reads);
    await sweepGraphql(graphqlPlan.filter((p) => p.kind === 'query'));
    await sweepRest(restPlan.filter((p) => p.request.method !== 'GET'));
    await sweepGraphql(graphqlPlan.filter((p) => p.kind === 'mutation'));
    log(`  REST: ${report.operations} operations, GraphQL: ${report.graphqlFields} fields swept`);

    const after = await snapshot();
    for (const [key, value] of Object.entries(before)) {
      if (after[key] !== value) report.leaks.push(`A's state changed: ${key} ${value} -> ${after[key]}`);
    }
    report.subscribed = feed.received.length;
    // B's feed holds B's own records (its hire, the default channels chat made for it, ...),
    // which may repeat names every tenant has: A's data there would be A's ids.
    const aIds = (a: Tenant) => Object.values(a.ids).filter((id) => ID_PATTERN.test(id) && !sent.has(id));
    for (const record of feed.received) {
      const text = JSON.stringify(record);
      for (const a of tenants) {
        const id = aIds(a).find((candidate) => text.includes(candidate));
        if (id) report.leaks.push(`B's domainEvents carried A's id ${id} in ${record.type}`);
      }
    }
    await feed.close();
    return report;
  });
}

export function isolationLine(report: IsolationReport): string {
  return `isolation: operations=${report.operations} cases=${report.cases} leaks=${report.leaks.length}`;
}

/** The sweep holds: no leak, no fault, and a detector that sees A's data when A reads it. */
export const isolationHolds = (report: IsolationReport) =>
  report.leaks.length === 0 && report.serverErrors.length === 0 && report.canary.flagged > 0;

/** A's ids as a request to `module` should name them: the service's own first. */
const idsFor = (tenant: Tenant, module: string): Ids => ({ ...tenant.ids, ...tenant.idsBy[module] });

/** Every role tenant-wide, as identity's tokens carry them, and the school roles on every school in `ids`. */
const grantsOn = (ids: Ids) => [
  ...ALL_ROLES.map((role) => ({ role, scopeType: 'tenant', scopeId: null })),
  ...Object.entries(ids)
    .filter(([key]) => key === 'schoolId' || key.startsWith('schoolId#'))
    .flatMap(([, schoolId]) =>
      ['school-admin', 'teacher', 'librarian'].map((role) => ({ role, scopeType: 'school', scopeId: schoolId })),
    ),
];

interface Reply {
  status: number;
  text: string;
  json: unknown;
}

async function call(base: string, method: string, route: string, token: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---------------------------------------------------------------- tenant A's ids and names

/** `leave-requests` -> `leaveRequestId`; `academic-years` -> `yearId` (ID_ALIASES). */
function keyOfCollection(collection: string): string {
  const singular = collection.endsWith('ies')
    ? `${collection.slice(0, -3)}y`
    : collection.endsWith('s') && !collection.endsWith('ss')
      ? collection.slice(0, -1)
      : collection;
  const key = `${singular.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Id`;
  return ID_ALIASES[key] ?? key;
}

/** The key a path parameter takes its id from: its own name, or for `{id}` the collection before it. */
function keyOfParameter(template: string, name: string): string {
  if (name !== 'id') return name;
  const segments = template.split('/');
  const at = segments.indexOf('{id}');
  return keyOfCollection(segments[at - 1] ?? '');
}

const NAME_FIELDS = new Set(['name', 'title', 'firstName', 'lastName', 'displayName', 'email', 'workEmail', 'barcode']);
const EXAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Walks a reply of A's and keeps its ids (by key) and names; `collection` names the things a bare `id` is. */
function collect(value: unknown, tenant: Tenant, collection: string, module: string) {
  if (Array.isArray(value)) return value.forEach((item) => collect(item, tenant, collection, module));
  if (!value || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string') {
      const idKey = key === 'id' ? keyOfCollection(collection) : key;
      // The schemas' example id is everyone's (a reply may echo it back), never A's.
      if (/Id$/.test(idKey) && ID_PATTERN.test(inner) && inner !== EXAMPLE_ID) {
        const own = (tenant.idsBy[module] ??= {});
        own[idKey] ??= inner;
        if (!tenant.ids[idKey]) tenant.ids[idKey] = inner;
        else if (tenant.ids[idKey] !== inner && !Object.values(tenant.ids).includes(inner))
          tenant.ids[`${idKey}#${inner}`] = inner; // every id is A's data, even if one per key fills paths
      }
      if ((key === 'period' && /^\d{4}-\d{2}$/.test(inner)) || (key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(inner)))
        tenant.ids[key] ??= inner;
      if (NAME_FIELDS.has(key) && inner.length >= 6) tenant.secrets.add(inner);
    } else collect(inner, tenant, collection, module);
  }
}

/** Reads every GET operation of every service as A, twice (the second round fills paths with the first's ids). */
async function harvest(
  fleet: RunningFleet,
  services: Array<{ module: string; url: string }>,
  documents: Map<string, OpenApiDocument>,
  tenant: Tenant,
  log: (line: string) => void,
) {
  for (let round = 0; round < 2; round++) {
    for (const { module, url } of services) {
      if (productOf(module) !== 'shared' && productOf(module) !== tenant.product) continue;
      for (const request of requestsOf(documents.get(module) as OpenApiDocument, idsFor(tenant, module))) {
        if (request.method !== 'GET' || request.missing) continue;
        const reply = await call(url, 'GET', request.path, tenant.token);
        if (reply.status === 200 && reply.json !== undefined) {
          const collection =
            request.template
              .split('/')
              .filter((s) => s && !s.startsWith('{'))
              .pop() ?? '';
          collect(reply.json, tenant, collection, module);
        }
      }
    }
  }
  const users = await call(fleet.urls.IDENTITY_URL, 'GET', '/users?limit=1', tenant.token);
  if (users.status === 200) collect(users.json, tenant, 'users', 'identity');
  if (!tenant.ids.userId) log(`  tenant ${tenant.slug} has no users yet`);
}

// ---------------------------------------------------------------- well-formed requests

interface Request {
  operation: string;
  template: string;
  method: string;
  path: string;
  body?: unknown;
  /** The ids the request names: an answer may echo them. */
  given: Set<string>;
  /** A key no id of A's filled (the path got a made-up id). */
  missing?: string;
}

/** Every operation of a document as one well-formed request aimed at A's things. */
function requestsOf(document: OpenApiDocument, ids: Ids): Request[] {
  const { resolve, valid } = schemaValues(document);
  const requests: Request[] = [];
  for (const [template, byMethod] of Object.entries(document.paths)) {
    for (const method of METHODS.filter((m) => byMethod[m])) {
      const op = byMethod[method];
      const given = new Set<string>();
      let missing: string | undefined;
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const key = keyOfParameter(template, name);
        const value = ids[key];
        if (!value) {
          missing ??= key;
          return '00000000-0000-4000-8000-000000000000';
        }
        given.add(value);
        return encodeURIComponent(value);
      });
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query' && (p.required || ids[p.name]))
        .map((p): [string, string] => {
          const value = ids[p.name] ?? String(valid(p.schema));
          if (ids[p.name]) given.add(value);
          return [p.name, value];
        });
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const body = bodySchema ? aimed(valid(bodySchema, true), resolve(bodySchema), resolve, ids, given) : undefined;
      const search = new URLSearchParams(query).toString();
      requests.push({
        operation: `${method.toUpperCase()} ${template}`,
        template,
        method: method.toUpperCase(),
        path: search ? `${path}?${search}` : path,
        body,
        given,
        missing,
      });
    }
  }
  return requests;
}

/** A valid body with every id field that names one of A's kinds set to A's id of that kind. */
function aimed(value: unknown, schema: Schema, resolve: (s?: Schema) => Schema, ids: Ids, given: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => aimed(item, resolve(schema.items), resolve, ids, given));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const property = resolve(schema.properties?.[key]);
    if (typeof inner === 'string' && ids[key]) {
      out[key] = ids[key];
      given.add(ids[key]);
    } else out[key] = aimed(inner, property, resolve, ids, given);
  }
  return out;
}

// ---------------------------------------------------------------- what counts as a leak

/** An id or a name of A's in `text` that B did not send itself somewhere in the sweep. */
function foreignIn(text: string, sent: Set<string>, a: Tenant): string | undefined {
  for (const id of Object.values(a.ids)) {
    if (ID_PATTERN.test(id) && !sent.has(id) && text.includes(id)) return `carries A's id ${id}`;
  }
  for (const secret of a.secrets) if (!sent.has(secret) && text.includes(secret)) return `carries A's "${secret}"`;
  return undefined;
}

/** Every string inside `value`, into `into`. */
function strings(value: unknown, into: Set<string>) {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => strings(item, into));
}

const strip = (text: string, given: Set<string>) => {
  let out = text;
  for (const id of given) out = out.split(id).join('<given>');
  return out;
};

/** Two answers alike but for the ids the requests named (a made-up id echoed back is no content). */
function sameAnswer(x: Reply, y: Reply, given: Set<string>): boolean {
  return x.status === y.status && strip(x.text, given) === strip(y.text, given);
}

// ---------------------------------------------------------------- tenant A's state

/** Per service and tenant: its events (count, last position) and each read-model table's checksum. */
async function snapshotOf(
  stack: ChaosStack,
  services: Array<{ module: string }>,
  tenants: Tenant[],
): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const { module } of services) {
    const client = new Pg({ connectionString: stack.databaseUrl(`hexfleet_${module}`) });
    await client.connect();
    try {
      for (const { slug } of tenants) {
        const events = await client.query<{ n: string; last: string | null }>(
          `select count(*)::text as n, max(global_position)::text as last from eventstore.events where tenant = $1`,
          [slug],
        );
        state[`${module}/${slug}/events`] = `${events.rows[0].n}@${events.rows[0].last}`;
        const schema = `tenant_${slug}`;
        const tables = await client.query<{ table_name: string }>(
          `select table_name from information_schema.tables where table_schema = $1 order by table_name`,
          [schema],
        );
        for (const { table_name: table } of tables.rows) {
          const sum = await client.query<{ sum: string }>(
            `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${schema}"."${table}" t`,
          );
          state[`${module}/${slug}/${table}`] = sum.rows[0].sum;
        }
      }
    } finally {
      await client.end();
    }
  }
  return state;
}

// ---------------------------------------------------------------- GraphQL

async function introspect(gateway: string, token: string): Promise<GraphQLSchema> {
  const reply = await call(gateway, 'POST', '/graphql', token, { query: getIntrospectionQuery() });
  return buildClientSchema((reply.json as { data: IntrospectionQuery }).data);
}

/** The field called with every argument (required or an id A has) aimed at A, selecting every scalar two levels down. */
function graphqlCall(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  ids: Ids,
  operation: string,
): { query: string; variables: Record<string, unknown>; given: Set<string> } {
  const given = new Set<string>();
  const template = operation.slice(operation.indexOf(' ') + 1);
  const keyOf = (name: string) => (name === 'id' ? keyOfParameter(template, 'id') : name);
  const args = field.args.filter((arg) => isNonNullType(arg.type) || ids[keyOf(arg.name)]);
  const value = (type: GraphQLInputType, name: string): unknown => {
    if (isNonNullType(type)) return value(type.ofType, name);
    const id = ids[keyOf(name)];
    if (id && isScalarType(type)) {
      given.add(id);
      return id;
    }
    if (isListType(type)) return [value(type.ofType, name)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((f) => isNonNullType(f.type) || ids[keyOf(f.name)])
          .map((f) => [f.name, value(f.type, f.name)]),
      );
    }
    return (
      { Int: 1, Float: 1, Boolean: true }[type.name] ??
      (type.name === 'ID' ? '00000000-0000-4000-8000-000000000000' : 'placeholder')
    );
  };
  const declared = args.map((arg: GraphQLArgument) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return {
    query: `${kind}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection(field.type, 2)} }`,
    variables: Object.fromEntries(args.map((arg) => [arg.name, value(arg.type, arg.name)])),
    given,
  };
}

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const parts = fields
    .map((f) => {
      const inner = getNamedType(f.type);
      if (!isObjectType(inner)) return f.name;
      return depth > 1 ? `${f.name}${selection(f.type, depth - 1)}` : '';
    })
    .filter(Boolean);
  return ` { __typename ${parts.join(' ')} }`;
}

// ---------------------------------------------------------------- B's live feed

interface FeedRecord {
  id: string;
  type: string;
  subject: string;
  data: string;
}

function subscribe(gateway: string, token: string) {
  const received: FeedRecord[] = [];
  const client = createClient({
    url: `${gateway.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const ready = new Promise<void>((resolve, reject) => {
    client.on('connected', () => setTimeout(resolve, 500));
    client.on('error', reject);
  });
  const stop = client.subscribe<{ domainEvents: FeedRecord }>(
    { query: 'subscription { domainEvents { id type subject data } }' },
    {
      next: (message) => {
        if (message.data) received.push(message.data.domainEvents);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    ready,
    received,
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}

// ---------------------------------------------------------------- seeding what the demo does not

/**
 * The kinds the demo leaves out, made as A through the public APIs: each a well-formed body
 * (schema examples) with A's ids, and the fields a rule needs. A seed that is refused is logged
 * and its operations show up as unseeded.
 */
async function seedEveryKind(
  fleet: RunningFleet,
  documents: Map<string, OpenApiDocument>,
  a: Tenant,
  log: (line: string) => void,
) {
  /** `operation` as A, its body well-formed with `overrides`; `pathIds` pick which of A's ids the path names. */
  const make = async (
    module: string,
    operation: string,
    overrides: Record<string, unknown> = {},
    pathIds: Ids = {},
  ) => {
    const url = fleet.urls[`${module.toUpperCase()}_URL`];
    const document = documents.get(module);
    if (!url || !document) return;
    const request = requestsOf(document, { ...idsFor(a, module), ...pathIds }).find((r) => r.operation === operation);
    if (!request || request.missing) {
      log(`  seed ${module} ${operation}: no ${request?.missing ?? 'operation'}`);
      return false;
    }
    const body = request.body === undefined ? undefined : { ...(request.body as object), ...overrides };
    const reply = await call(url, request.method, request.path, a.token, body);
    if (reply.status >= 300) {
      log(`  seed ${module} ${operation}: ${reply.status} ${reply.text.slice(0, 200)}`);
      return false;
    }
    collect(
      reply.json,
      a,
      request.template
        .split('/')
        .filter((s) => s && !s.startsWith('{'))
        .pop() ?? '',
      module,
    );
    return true;
  };
  const every = (key: string) =>
    Object.entries(a.ids)
      .filter(([k]) => k === key || k.startsWith(`${key}#`))
      .map(([, id]) => id);
  if (a.product === 'business') {
    await make('hrms', 'POST /leave-types', { name: 'Isolation unpaid', unpaid: true });
    await make('hrms', 'POST /leave-requests', { fromDate: '2026-04-01', toDate: '2026-04-02' });
    await make('hrms', 'POST /job-openings');
    await make('hrms', 'POST /holiday-lists');
    await make('payroll', 'POST /salary-components', {
      code: 'ISOBASIC',
      name: 'Isolation basic pay',
      kind: 'earning',
    });
    await make('payroll', 'POST /salary-structures', {
      name: 'Isolation structure',
      lines: [{ componentId: idsFor(a, 'payroll').componentId, method: 'percent_of_base', basisPoints: 10_000 }],
    });
    // A run needs every active employee on a structure.
    for (const employeeId of every('employeeId')) {
      await make('payroll', 'POST /employees/{id}/salary-assignments', { fromDate: '2026-01-05' }, { employeeId });
    }
    await make('payroll', 'POST /payroll-runs');
    await make('pipeline', 'POST /cards/{id}/activities');
  } else {
    // Libraries has no patron list to read: two readers of its own, every copy out, then a hold.
    await make('libraries', 'POST /patrons', { name: 'Isolation Reader One', category: 'student' });
    await make('libraries', 'POST /patrons', { name: 'Isolation Reader Two', category: 'student' });
    const [first, second] = every('patronId');
    for (const copyId of every('copyId')) await make('libraries', 'POST /loans', { copyId, patronId: first });
    for (const titleId of every('titleId')) {
      await make('libraries', 'POST /titles/{titleId}/holds', { patronId: second }, { titleId });
    }
    await make('events', 'POST /calendars');
    await make('events', 'POST /venues');
    await make('events', 'POST /calendars/{calendarId}/events');
    await make('events', 'POST /events/{eventId}/publish');
    await make('events', 'POST /events/{eventId}/registrations');
    // Leave for a member of the group (A's first student may be in another).
    const inAdmin = idsFor(a, 'admin');
    const members = await call(fleet.urls.ADMIN_URL, 'GET', `/groups/${inAdmin.groupId}/students`, a.token);
    const memberIds =
      JSON.stringify(members.json ?? '').match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    for (const studentId of memberIds.filter((id) => every('studentId').includes(id)).slice(0, 1)) {
      await make('attendance', 'POST /groups/{groupId}/leaves', { studentId }, { groupId: inAdmin.groupId });
      // A student's profile names the guardians the enrolment linked.
      const student = await call(fleet.urls.PROFILE_URL, 'GET', `/profiles/${studentId}`, a.token);
      if (student.status === 200) collect(student.json, a, 'profiles', 'profile');
      else log(`  seed: reading student ${studentId}'s profile: ${student.status} ${student.text.slice(0, 160)}`);
    }
    // An import of its own (the demo's are not listed anywhere).
    const csv =
      'admission_number,first_name,last_name,birth_date,grade,section,roll_number,guardian_name,guardian_relationship,guardian_email\n' +
      'ISO-001,Isla,Solano,2016-05-05,5,A,99,Ivy Solano,mother,ivy.solano@isolation.test\n';
    const query = new URLSearchParams({ yearId: inAdmin.yearId, enrolledOn: '2026-06-15', fileName: 'isolation.csv' });
    const imported = await fetch(`${fleet.urls.ADMIN_URL}/schools/${inAdmin.schoolId}/student-imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const started = (await imported.json()) as { importId?: string };
    if (started.importId) a.ids.importId = (a.idsBy.admin ??= {}).importId = started.importId;
    else log(`  seed admin import: ${imported.status} ${JSON.stringify(started).slice(0, 200)}`);
  }
}
