import { randomBytes } from 'node:crypto';
import { callService, eventually } from '@hexfleet/testing';
import { authenticator } from 'otplib';
import { Fleet, graphql, GraphqlReply, mailed, startFleet } from './support/fleet';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken tokenType expiresIn } }`;
const REFRESH = `mutation ($input: RefreshInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** The field's data, or a failure that shows the errors. */
function dataOf<T>(reply: GraphqlReply, field: string): T {
  const value = reply.body.data?.[field];
  if (!value) throw new Error(`${field}: ${reply.status} ${JSON.stringify(reply.body.errors)}`);
  return value as T;
}

const firstError = (reply: GraphqlReply) => reply.body.errors?.[0]?.extensions ?? {};

/**
 * Issue 15 for identity and profile: a person signs in, reads who they are and
 * their profile, enrols a second factor, refreshes and logs out, all over
 * GraphQL (only the operator's provisioning and the mail are not).
 */
describe('signing in over GraphQL only', () => {
  let fleet: Fleet;
  const tenant = `gqlid${randomBytes(4).toString('hex')}`;
  const admin = { email: `ana@${tenant}.example`, displayName: 'Ana Admin' };
  const password = 'correct horse battery 9';

  beforeAll(async () => {
    fleet = await startFleet({ identity: 'services/shared/identity', profile: 'services/shared/profile' });
  });
  afterAll(() => fleet?.stop());

  const login = (input: Record<string, string>) => graphql(fleet.url, LOGIN, { variables: { input } });

  it('accepts the invitation, logs in, reads me and myProfile, needs TOTP once enrolled, refreshes, logs out', async () => {
    const provisioned = await callService(fleet.services.identity.url, 'POST', '/tenants', {
      headers: { 'x-operator-key': fleet.operatorKey },
      body: { slug: tenant, name: 'GraphQL Ltd', product: 'business', admin },
    });
    expect(provisioned.status).toBe(201);

    const accept = await graphql(
      fleet.url,
      `
        mutation ($input: PasswordLinkInput!) {
          acceptInvitation(input: $input) {
            accepted
          }
        }
      `,
      { variables: { input: { tenant, token: await mailed(fleet.url, admin.email, 'invitation'), password } } },
    );
    expect(dataOf(accept, 'acceptInvitation')).toEqual({ accepted: true });

    // A malformed argument: the service's 400, naming the field; a wrong password: identity's code.
    const malformed = await login({ tenant: 'Not A Slug', email: admin.email, password });
    const wrong = await login({ tenant, email: admin.email, password: 'not the password' });
    console.log(
      `malformed tenant: ${JSON.stringify(malformed.body.errors)}; wrong password: ${JSON.stringify(wrong.body.errors)}`,
    );
    expect(firstError(malformed)).toMatchObject({
      code: 'validation-failed',
      status: 400,
      errors: [{ field: 'tenant' }],
    });
    expect(firstError(wrong)).toMatchObject({ code: 'unauthorized', status: 401, module: 'identity' });
    expect(firstError(wrong).secondFactor).toBeUndefined();

    const first = dataOf<Tokens & { tokenType: string; expiresIn: number }>(
      await login({ tenant, email: admin.email, password }),
      'login',
    );
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    let seen: Record<string, unknown> | undefined;
    await eventually(
      async () => {
        const reply = await graphql(
          fleet.url,
          '{ me { userId tenant email roles grants { role scopeType scopeId } totpEnabled } myProfile { userId fullName } }',
          { token: first.accessToken },
        );
        seen = reply.body.data ?? undefined;
        return Boolean(reply.body.data?.myProfile);
      },
      { timeoutMs: 30_000, what: 'the profile made from the registration' },
    );
    console.log(`me and myProfile over GraphQL: ${JSON.stringify(seen)}`);
    const me = seen?.me as { userId: string };
    expect(seen).toEqual({
      me: {
        userId: expect.any(String),
        tenant,
        email: admin.email,
        roles: ['tenant-admin'],
        grants: [{ role: 'tenant-admin', scopeType: 'tenant', scopeId: null }],
        totpEnabled: false,
      },
      myProfile: { userId: me.userId, fullName: admin.displayName },
    });

    // A second factor: enrolled and confirmed over GraphQL; a login without its code says which factor it needs.
    const enrolment = dataOf<{ secret: string }>(
      await graphql(fleet.url, 'mutation { enrolTotp { secret otpauthUrl } }', { token: first.accessToken }),
      'enrolTotp',
    );
    const confirm = await graphql(fleet.url, 'mutation ($code: String!) { confirmTotp(code: $code) { accepted } }', {
      token: first.accessToken,
      variables: { code: authenticator.generate(enrolment.secret) },
    });
    expect(dataOf(confirm, 'confirmTotp')).toEqual({ accepted: true });
    const withoutCode = await login({ tenant, email: admin.email, password });
    console.log(`login without the TOTP code: ${JSON.stringify(withoutCode.body.errors)}`);
    expect(firstError(withoutCode)).toMatchObject({ code: 'unauthorized', status: 401, secondFactor: 'totp' });
    // The next step's code: the current one was spent confirming.
    const totp = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(enrolment.secret);
    const signedIn = dataOf<Tokens>(await login({ tenant, email: admin.email, password, totp }), 'login');

    // Refresh: new tokens that work; then log out, and the refresh token is refused.
    const refresh = (refreshToken: string) =>
      graphql(fleet.url, REFRESH, { variables: { input: { tenant, refreshToken } } });
    const renewed = dataOf<Tokens>(await refresh(signedIn.refreshToken), 'refreshSession');
    expect(renewed.refreshToken).not.toBe(signedIn.refreshToken);
    const meAgain = await graphql(fleet.url, '{ me { userId totpEnabled } }', { token: renewed.accessToken });
    expect(meAgain.body.data).toEqual({ me: { userId: me.userId, totpEnabled: true } });
    const logout = await graphql(fleet.url, 'mutation { logout { accepted } }', { token: renewed.accessToken });
    expect(dataOf(logout, 'logout')).toEqual({ accepted: true });
    const afterLogout = await refresh(renewed.refreshToken);
    console.log(`refresh after logout: ${JSON.stringify(afterLogout.body.errors)}`);
    expect(afterLogout.body.data?.refreshSession ?? null).toBeNull();
    expect(firstError(afterLogout)).toMatchObject({ code: 'unauthorized', status: 401 });

    // Without a token, a field that needs one is refused; the public ones were answered above.
    const anonymous = await graphql(fleet.url, 'mutation { logout { accepted } }');
    expect(firstError(anonymous)).toMatchObject({ code: 'unauthenticated' });
  });
});
