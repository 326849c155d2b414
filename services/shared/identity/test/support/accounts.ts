import { eventually } from '@hexfleet/testing';
import type { IdentityHarness, Reply } from './identity-harness';
import { uniqueAddress, uniqueTenant } from './identity-harness';

export const PASSWORD = 'correct horse battery staple';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
  tenant: string;
  purpose: string;
  token: string | null;
}

export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

/** Everything a test does as one person: their tenant, address, and the mails they get. */
export class Person {
  readonly address = uniqueAddress();

  constructor(
    readonly service: IdentityHarness,
    readonly tenant: string,
    readonly email: string,
  ) {}

  async mails(): Promise<Mail[]> {
    const reply = expectStatus(
      await this.service.call('GET', `/dev/mailbox?to=${encodeURIComponent(this.email)}`),
      200,
    );
    const mails: unknown = reply.body;
    if (!Array.isArray(mails)) throw new Error(`the dev mailbox answered ${JSON.stringify(mails)}`);
    return mails as Mail[];
  }

  /** The newest mail of a purpose (waits a little: the mail is written after the command's commit). */
  async lastMail(purpose: string): Promise<Mail> {
    let found: Mail | undefined;
    await eventually(
      async () => {
        found = (await this.mails()).filter((m) => m.purpose === purpose).pop();
        return found !== undefined;
      },
      { what: `a ${purpose} mail to ${this.email}`, timeoutMs: 5000 },
    );
    return found as Mail;
  }

  call(method: string, route: string, body?: unknown, token?: string) {
    return this.service.call(method, route, { body, token, headers: { 'x-forwarded-for': this.address } });
  }

  login(password = PASSWORD, totp?: string) {
    return this.call('POST', '/auth/login', {
      tenant: this.tenant,
      email: this.email,
      password,
      ...(totp ? { totp } : {}),
    });
  }

  async acceptInvitation(password = PASSWORD) {
    const mail = await this.lastMail('invitation');
    return this.call('POST', '/auth/invitations/accept', { tenant: this.tenant, token: mail.token, password });
  }

  /** Accepts the invitation and logs in: the access and refresh tokens. */
  async signIn(password = PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    expectStatus(await this.acceptInvitation(password), 204);
    const body = expectStatus(await this.login(password), 200).body;
    return { accessToken: String(body.accessToken), refreshToken: String(body.refreshToken) };
  }
}

/** POST /tenants as the operator. */
export function provision(
  service: IdentityHarness,
  {
    slug,
    product,
    admin,
    displayName = 'First Admin',
  }: { slug: string; product: string; admin: string; displayName?: string },
) {
  return service.call('POST', '/tenants', {
    headers: { 'x-operator-key': service.operatorKey },
    body: { slug, name: `Tenant ${slug}`, product, admin: { email: admin, displayName } },
  });
}

/** A provisioned tenant and its first admin, signed in. */
export async function provisionTenant(service: IdentityHarness, product: 'business' | 'school' = 'business') {
  const tenant = uniqueTenant(product === 'business' ? 'biz' : 'sch');
  const admin = new Person(service, tenant, `admin@${tenant}.example`);
  const reply = expectStatus(await provision(service, { slug: tenant, product, admin: admin.email }), 201);
  const tokens = await admin.signIn();
  return {
    tenant,
    admin,
    adminUserId: String(reply.body.adminUserId),
    adminToken: tokens.accessToken,
    provisioned: reply,
  };
}

/** An admin invites someone with roles; the invitee is returned ready to accept. */
export async function invite(
  service: IdentityHarness,
  tenant: string,
  adminToken: string,
  grants: Array<{ role: string; schoolId?: string; groupId?: string }>,
  name = 'invitee',
) {
  const person = new Person(service, tenant, `${name}-${Math.random().toString(36).slice(2, 8)}@${tenant}.example`);
  const reply = expectStatus(
    await service.call('POST', '/users/invitations', {
      token: adminToken,
      body: { email: person.email, displayName: `Person ${name}`, grants },
    }),
    201,
  );
  return { person, userId: String(reply.body.userId), reply };
}
