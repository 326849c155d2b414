import { randomBytes } from 'node:crypto';
import {
  callService,
  createDevIssuer,
  eventually,
  freePort,
  identityTestEnv,
  startSeparateService,
} from '@hexfleet/testing';
import type { SeparateService } from '@hexfleet/testing';

/** The modules the business app's browser tests use, as deployed (each built and run as its own process). */
const PROJECTS: Record<string, string> = {
  identity: 'services/shared/identity',
  hrms: 'services/business/hrms',
  payroll: 'services/business/payroll',
};

/** How long identity's access tokens live in this run (support.ts's session test waits longer). */
export const ACCESS_TOKEN_SECONDS = 20;

export interface E2eFleet {
  gatewayUrl: string;
  /** Identity itself: the operator provisions tenants there (operators are not on the public gateway). */
  identityUrl: string;
  stop(): Promise<void>;
}

/**
 * Identity, HRMS and Payroll on the run's stack, and the gateway in front of them allowing the web
 * app's origin (CORS): what a browser reaches. Identity signs the tokens; everyone reads its JWKS.
 */
export async function startE2eFleet(webOrigin: string, operatorKey: string): Promise<E2eFleet> {
  const issuer = await createDevIssuer();
  const running: SeparateService[] = [];
  const stop = async () => {
    for (const service of running.reverse()) await service.stop();
  };
  try {
    const identityPort = await freePort();
    const keys = { JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json` };
    const urls: Record<string, string> = {};
    await Promise.all(
      Object.entries(PROJECTS).map(async ([module, project]) => {
        const env =
          module === 'identity'
            ? {
                ...identityTestEnv(issuer, operatorKey, true),
                PORT: String(identityPort),
                // Short-lived access tokens: every test outlives a few, so the app must refresh them.
                ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_SECONDS),
              }
            : keys;
        const service = await startSeparateService(project, issuer, { env });
        running.push(service);
        urls[`${module.toUpperCase()}_URL`] = service.url;
      }),
    );
    const gateway = await startSeparateService('gateway', issuer, {
      database: false,
      env: { ...keys, ...urls, CORS_ORIGINS: webOrigin, RATE_LIMIT_PER_MINUTE: '100000', HSTS_MAX_AGE_SECONDS: '0' },
    });
    running.push(gateway);
    return { gatewayUrl: gateway.url, identityUrl: urls.IDENTITY_URL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface E2eLogin {
  tenant: string;
  email: string;
  password: string;
}

/**
 * A new tenant whose admin is also HR and payroll admin, with a password set through the invitation
 * mail (as a person would): who the browser signs in as.
 */
export async function seedTenant(gatewayUrl: string, identityUrl: string, operatorKey: string): Promise<E2eLogin> {
  const tenant = `web${randomBytes(4).toString('hex')}`;
  const email = `hana.hr@${tenant}.example`;
  const password = 'correct horse battery staple';
  const expect = (reply: { status: number; body: unknown }, status: number, what: string) => {
    if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body as Record<string, unknown>;
  };
  const identity = (method: string, route: string, body?: unknown, token?: string) =>
    callService(gatewayUrl, method, `/api/v1/identity${route}`, { body, token });

  expect(
    await callService(identityUrl, 'POST', '/tenants', {
      headers: { 'x-operator-key': operatorKey },
      body: { slug: tenant, name: 'Web Tests Ltd', product: 'business', admin: { email, displayName: 'Hana Hr' } },
    }),
    201,
    'provision the tenant',
  );
  let invitation = '';
  await eventually(
    async () => {
      const inbox = await identity('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
      const mails = inbox.body as unknown as Array<{ purpose: string; token: string }>;
      invitation = (Array.isArray(mails) ? mails : []).filter((m) => m.purpose === 'invitation').at(-1)?.token ?? '';
      return invitation !== '';
    },
    { timeoutMs: 30_000, what: 'the invitation mail' },
  );
  expect(await identity('POST', '/auth/invitations/accept', { tenant, token: invitation, password }), 204, 'accept');
  const login = expect(await identity('POST', '/auth/login', { tenant, email, password }), 200, 'login');
  const token = String(login.accessToken);
  const me = expect(await identity('GET', '/me', undefined, token), 200, 'me');
  for (const role of ['hr', 'payroll-admin']) {
    expect(await identity('POST', `/users/${me.userId}/grants`, { role }, token), 204, `grant ${role}`);
  }
  return { tenant, email, password };
}
