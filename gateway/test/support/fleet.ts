import { randomBytes, randomUUID } from 'node:crypto';
import {
  callService,
  createDevIssuer,
  eventually,
  freePort,
  identityTestEnv,
  startSeparateService,
} from '@hexfleet/testing';
import type { DevIssuer, Reply, SeparateService } from '@hexfleet/testing';
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Fleet {
  /** Test tokens; with `identity` in the fleet, services trust identity's keys instead. */
  issuer: DevIssuer;
  /** With identity in the fleet: what an operator holds, and where the dev mailbox is. */
  operatorKey: string;
  /** The gateway's URL. */
  url: string;
  services: Record<string, SeparateService>;
  /** Another gateway in front of the same services, with different settings. */
  startGateway(env?: NodeJS.ProcessEnv): Promise<SeparateService>;
  stop(): Promise<void>;
}

/** Services and the gateway as deployed: each built and run as its own process. */
export async function startFleet(projects: Record<string, string>, gatewayEnv: NodeJS.ProcessEnv = {}): Promise<Fleet> {
  const issuer = await createDevIssuer();
  const operatorKey = randomBytes(24).toString('base64url');
  const running: SeparateService[] = [];
  const services: Record<string, SeparateService> = {};
  const stopAll = async () => {
    for (const process of running.reverse()) await process.stop();
  };
  try {
    // All at once, as a deployment would: each creates its own topics and waits for the ones it
    // reads. Identity signs the tokens and everyone reads its public keys (fetched on first use).
    const identityPort = await freePort();
    const keys: NodeJS.ProcessEnv =
      'identity' in projects ? { JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json` } : {};
    await Promise.all(
      Object.entries(projects).map(async ([module, project]) => {
        const env =
          module === 'identity'
            ? { ...identityTestEnv(issuer, operatorKey, 'hrms' in projects), PORT: String(identityPort) }
            : keys;
        services[module] = await startSeparateService(project, issuer, { env });
        running.push(services[module]);
      }),
    );
    const urls = Object.fromEntries(
      Object.entries(services).map(([module, s]) => [`${module.toUpperCase()}_URL`, s.url]),
    );
    const startGateway = async (env: NodeJS.ProcessEnv = {}) => {
      const gateway = await startSeparateService('gateway', issuer, {
        database: false,
        env: { ...keys, ...urls, ...env },
      });
      running.push(gateway);
      return gateway;
    };
    // Ready only once its live feed has joined Kafka, so subscriptions see what follows.
    const gateway = await startGateway(gatewayEnv);
    return { issuer, operatorKey, url: gateway.url, services, startGateway, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The gateway's calls to one service so far, from its own /metrics. */
export async function upstreamCalls(gatewayUrl: string, module: string): Promise<number> {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  const pattern = new RegExp(`^gateway_upstream_requests_total\\{[^}]*module="${module}"[^}]*\\} (\\d+)`, 'gm');
  return [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** A graphql-ws client, as a web app would open one, with the token in connection_init. */
export function subscriptionClient(url: string, token: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

export interface GraphqlReply {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

export async function graphql(
  url: string,
  query: string,
  {
    token,
    variables,
    headers = {},
  }: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphqlReply> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlReply['body'] };
}

/** A hire as HRMS takes it (REST body or GraphQL input), with a work email of its own. */
export const newHire = (firstName: string, more: { managerId?: string; userId?: string } = {}) => ({
  firstName,
  lastName: 'Tester',
  workEmail: `${firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@example.com`,
  joiningDate: '2026-01-05',
  department: 'Engineering',
  designation: 'Engineer',
  employmentType: 'full-time',
  ...more,
});

/** The newest one-time token mailed to `email` for `purpose` (invitation, password-reset, ...), from identity's dev mailbox. */
export async function mailed(gatewayUrl: string, email: string, purpose: string): Promise<string> {
  let token = '';
  await eventually(
    async () => {
      const inbox = await callService(
        gatewayUrl,
        'GET',
        `/api/v1/identity/dev/mailbox?to=${encodeURIComponent(email)}`,
      );
      const mail = (inbox.body as unknown as Array<{ purpose: string; token: string; subject: string }>)
        .filter((m) => m.purpose === purpose)
        .at(-1);
      if (mail) console.log(`mail to ${email}: "${mail.subject}"`);
      token = mail?.token ?? '';
      return token !== '';
    },
    { timeoutMs: 30_000, what: `a ${purpose} mail to ${email}` },
  );
  return token;
}

/** The reply's body when it has `status`; otherwise a failure saying what was being done and what came back. */
export function expectOk(reply: Reply, status: number, what: string): Record<string, unknown> {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as Record<string, unknown>;
}

/** REST through the gateway (`/api/v1/<module>/...`) with one token, as a front end calls it. */
export const gatewayApi = (fleet: Pick<Fleet, 'url'>, token: string) => ({
  get: (path: string, headers: Record<string, string> = {}) =>
    callService(fleet.url, 'GET', `/api/v1${path}`, { token, headers }),
  send: (method: string, path: string, body?: unknown) =>
    callService(fleet.url, method, `/api/v1${path}`, { token, body }),
});
