import { randomBytes, randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { GraphQLField, GraphQLInputType, GraphQLObjectType, IntrospectionQuery } from 'graphql';
import { BUSINESS_ROLES, SCHOOL_ROLES } from '@hexfleet/schemas';
import { callService, openApiOf } from '@hexfleet/testing';
import { RESOLVERS } from '../src/gateway.module';
import { frontedOperations } from '../src/graphql/common/fronts';
import { Fleet, graphql, startFleet, upstreamCalls } from './support/fleet';

const SERVICES = {
  identity: 'services/shared/identity',
  profile: 'services/shared/profile',
  hrms: 'services/business/hrms',
  payroll: 'services/business/payroll',
  libraries: 'services/school/libraries',
  events: 'services/school/events',
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Ending the caller's sessions is called last, so the calls before it keep their token. */
const LAST = ['logout', 'revokeAllSessions'];

/** A value GraphQL accepts for an argument: well-formed, meaningless (an unknown id, a placeholder). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  if (isScalarType(type)) {
    return { ID: randomUUID(), Int: 1, Float: 1, Boolean: true }[type.name] ?? 'placeholder';
  }
  return null;
}

/** `mutation ($a: T!, ...) { field(a: $a, ...) { __typename } }` with every required argument sampled. */
function callOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const declared = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])),
  };
}

/**
 * Issue 15, acceptance 1: every operation of the six services' OpenAPI documents
 * that people use (all but those marked `x-internal`) has its GraphQL field, and
 * each field reaches its service through the gateway, on the real fleet.
 */
describe('GraphQL covers every user-facing REST operation of the six services', () => {
  let fleet: Fleet;
  let token: string;
  const documents: Record<string, ReturnType<typeof openApiOf>> = {};

  beforeAll(async () => {
    fleet = await startFleet(SERVICES);
    token = await fleet.issuer.mint({
      tenant: `cov${randomBytes(4).toString('hex')}`,
      roles: [...new Set([...BUSINESS_ROLES, ...SCHOOL_ROLES])],
    });
    for (const module of Object.keys(SERVICES)) {
      documents[module] = openApiOf(await callService(fleet.services[module].url, 'GET', '/openapi.json'));
    }
  });
  afterAll(() => fleet?.stop());

  it('finds a field fronting each operation, and no field fronting an operation that does not exist', () => {
    expect(RESOLVERS.length).toBeGreaterThan(0); // loading the resolvers is what registers their @Fronts
    const fronted = new Set(frontedOperations().map((f) => `${f.module} ${f.operation}`));
    const userFacing: string[] = [];
    const internal: string[] = [];
    for (const [module, document] of Object.entries(documents)) {
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of METHODS.filter((m) => operations[m])) {
          const operation = operations[method] as { 'x-internal'?: string };
          (operation['x-internal'] ? internal : userFacing).push(`${module} ${method.toUpperCase()} ${path}`);
        }
      }
    }
    console.log(`operations: ${userFacing.length} user-facing, ${internal.length} internal (${internal.join('; ')})`);
    expect(userFacing.filter((operation) => !fronted.has(operation))).toEqual([]);
    const known = new Set([...userFacing, ...internal]);
    expect([...fronted].filter((operation) => !known.has(operation))).toEqual([]);
  });

  it('calls every fronted field through the gateway and sees it reach its service, never a 5xx', async () => {
    const introspection = await graphql(fleet.url, getIntrospectionQuery(), { token });
    expect(introspection.body.errors).toBeUndefined();
    const schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
    const roots: Array<['query' | 'mutation', GraphQLObjectType]> = [
      ['query', schema.getQueryType() as GraphQLObjectType],
      ['mutation', schema.getMutationType() as GraphQLObjectType],
    ];
    const fields = [...new Map(frontedOperations().map((f) => [f.field, f])).values()].sort(
      (a, b) => Number(LAST.includes(a.field)) - Number(LAST.includes(b.field)),
    );
    const failures: string[] = [];
    for (const { field: name, module } of fields) {
      const root = roots.find(([, type]) => type.getFields()[name]);
      if (!root) {
        failures.push(`${name}: not a query or mutation of the served schema`);
        continue;
      }
      const { query, variables } = callOf(root[0], root[1].getFields()[name]);
      const before = await upstreamCalls(fleet.url, module);
      const reply = await graphql(fleet.url, query, { token, variables });
      const serverErrors = (reply.body.errors ?? []).filter((e) => Number(e.extensions?.status ?? 0) >= 500);
      if (reply.status >= 500 || serverErrors.length) {
        failures.push(`${name}: ${reply.status} ${JSON.stringify(reply.body.errors)}`);
      } else if ((await upstreamCalls(fleet.url, module)) === before) {
        failures.push(`${name}: did not reach ${module} (${JSON.stringify(reply.body)})`);
      }
    }
    console.log(`called ${fields.length} fields through the gateway; ${failures.length} failed`);
    expect(failures).toEqual([]);
  });
});
