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
  hq: 'services/school/hq',
  admin: 'services/school/admin',
  attendance: 'services/school/attendance',
  chat: 'services/business/chat',
  pipeline: 'services/business/pipeline',
  notifications: 'services/shared/notifications',
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
      const errors = reply.body.errors ?? [];
      const serverErrors = errors.filter((e) => Number(e.extensions?.status ?? 0) >= 500);
      const unnamed = errors.filter(
        (e) => e.extensions?.code === 'validation-failed' && !(e.extensions.errors as unknown[] | undefined)?.length,
      );
      // The service refusing a parameter it does not take: the gateway sent more than the operation has.
      const unknown = errors.filter((e) =>
        ((e.extensions?.errors ?? []) as Array<{ message?: string }>).some((f) =>
          f.message?.endsWith('should not exist'),
        ),
      );
      if (reply.status >= 500 || serverErrors.length) {
        failures.push(`${name}: ${reply.status} ${JSON.stringify(reply.body.errors)}`);
      } else if (unknown.length) {
        failures.push(`${name}: the gateway sent a parameter the service does not take: ${JSON.stringify(unknown)}`);
      } else if (unnamed.length) {
        failures.push(`${name}: a validation error naming no field: ${JSON.stringify(unnamed)}`);
      } else if ((await upstreamCalls(fleet.url, module)) === before) {
        failures.push(`${name}: did not reach ${module} (${JSON.stringify(reply.body)})`);
      }
    }
    console.log(`called ${fields.length} fields through the gateway; ${failures.length} failed`);
    expect(failures).toEqual([]);
  });

  it('answers a malformed argument of every mutation with an error naming it, before any service is called', async () => {
    const introspection = await graphql(fleet.url, getIntrospectionQuery(), { token });
    const schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
    const mutations = Object.values((schema.getMutationType() as GraphQLObjectType).getFields());
    const failures: string[] = [];
    let cases = 0;
    for (const field of mutations) {
      const { variables } = callOf('mutation', field);
      for (const arg of field.args.filter((a) => isNonNullType(a.type))) {
        // The argument itself of the wrong type, or (for an input object) each of its required fields.
        const named = getNamedType(arg.type);
        const breaks: Array<[string, unknown]> = isInputObjectType(named)
          ? Object.values(named.getFields())
              .filter((f) => isNonNullType(f.type))
              .map((f) => [f.name, { ...(variables[arg.name] as object), [f.name]: malformed(f.type) }])
          : [[arg.name, malformed(arg.type)]];
        for (const [name, value] of breaks) {
          cases++;
          const { query } = callOf('mutation', field);
          const reply = await graphql(fleet.url, query, { token, variables: { ...variables, [arg.name]: value } });
          const messages = (reply.body.errors ?? []).map((e) => e.message).join(' | ');
          if (reply.status >= 500 || !messages.includes(name)) {
            failures.push(`${field.name}(${arg.name}) breaking ${name}: ${reply.status} ${messages}`);
          }
        }
      }
    }
    console.log(`malformed arguments: ${cases} cases over ${mutations.length} mutations; ${failures.length} failed`);
    expect(failures).toEqual([]);
  });
});

/** A value of the wrong kind for the type: an object for a scalar, a number for a string, a word for a number. */
function malformed(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return { not: 'a list' };
  if (isScalarType(named) && ['Int', 'Float'].includes(named.name)) return 'not a number';
  if (isScalarType(named) && named.name === 'Boolean') return 'not a boolean';
  if (isEnumType(named)) return 'NOT_ONE_OF_THEM';
  if (isInputObjectType(named)) return 'not an object';
  return { not: 'a string' };
}
