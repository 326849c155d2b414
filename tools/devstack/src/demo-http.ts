/** How the demo seed talks to the fleet: plain HTTP to each service, as a person's browser or script would. */

export type Json = Record<string, unknown>;
export type Reply = { status: number; body: Json; headers: Headers };
/** The signed-in person's headers, with an Idempotency-Key when the call writes. */
export type Auth = (idempotencyKey?: string) => Record<string, string>;

/** One call; an object body is sent as JSON, a string as it is (say its content type in `headers`). */
export async function call(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const json = body !== undefined && typeof body !== 'string';
  const response = await fetch(url, {
    method,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as string),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json, headers: response.headers };
}

export const expectStatus = (reply: { status: number; body: Json }, allowed: number[], what: string) => {
  if (!allowed.includes(reply.status))
    throw new Error(`demo data: ${what} answered ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** Asks `read` until it answers something, for at most 60 s: what another service does after an event takes a moment. */
export async function waitFor<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await read();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`demo data: ${what} did not happen within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The consistency tokens of the writes a seed made (a retried, already applied write has none). */
export class Written {
  private readonly tokens: string[] = [];
  add(reply: { headers: Headers }) {
    const token = reply.headers.get('x-consistency-token');
    if (token) this.tokens.push(token);
  }

  /**
   * Waits until `url`'s read model has applied every write, so "demo data in" means a
   * person who logs in sees it (each token names one stream: the read sends them all).
   */
  async visibleAt(url: string, headers: Record<string, string>, what: string) {
    if (this.tokens.length === 0) return;
    await waitFor(what, async () => {
      const reply = await call(url, 'GET', undefined, { ...headers, 'x-consistency-token': this.tokens.join(', ') });
      expectStatus(reply, [200], `reading ${what}`);
      return reply.headers.get('x-consistency') === 'fresh' ? true : undefined;
    });
  }
}

export const logIn = (identity: string, tenant: string, email: string, password: string) =>
  call(`${identity}/auth/login`, 'POST', { tenant, email, password });

/**
 * Logs a demo person in; on the first start, accepts their invitation from the dev mailbox first
 * (waiting for it: an employee's is sent when identity sees the hire). Answers the session.
 */
export async function signIn(identity: string, tenant: string, email: string, password: string): Promise<Json> {
  let session = await logIn(identity, tenant, email, password);
  if (session.status === 401) {
    const invitation = await waitFor(`the invitation of ${email} in the dev mailbox`, async () => {
      const mail = await call(`${identity}/dev/mailbox?to=${encodeURIComponent(email)}`, 'GET');
      const messages = (Array.isArray(mail.body) ? mail.body : []) as Json[];
      return messages.filter((m) => m.tenant === tenant && m.purpose === 'invitation').at(-1);
    });
    expectStatus(
      await call(`${identity}/auth/invitations/accept`, 'POST', {
        tenant,
        token: invitation.token,
        password,
      }),
      [200, 204],
      `accepting the invitation of ${email}`,
    );
    session = await logIn(identity, tenant, email, password);
  }
  return expectStatus(session, [200], `logging in ${email} to ${tenant}`);
}
