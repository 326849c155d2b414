import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { callService, createDevIssuer, eventually, freePort, unsignedToken } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import { Fleet, graphql, newHire, startFleet, subscriptionClient, upstreamCalls } from './support/fleet';

const tenantA = `gwa${randomBytes(4).toString('hex')}`;
const tenantB = `gwb${randomBytes(4).toString('hex')}`;

const ok = (reply: Reply, status: number) => {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
};

const hire = (firstName: string, managerId?: string) => newHire(firstName, { managerId });

/**
 * Posts 2 MB to a gateway that answers 413 from the Content-Length alone and then closes
 * the connection: the rest of the upload may fail with EPIPE, which fetch would report
 * instead of the answer that already arrived.
 */
function postTooLarge(url: string, token: string): Promise<{ status: number; contentType: string }> {
  const body = JSON.stringify({ query: `{ employees { total } }`, padding: 'x'.repeat(2_000_000) });
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']) });
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.end(body);
  });
}

describe('the gateway in front of HRMS (a separate process)', () => {
  let fleet: Fleet;
  let hr: string;
  let managerId: string;

  beforeAll(async () => {
    fleet = await startFleet({ hrms: 'services/business/hrms' }, { CORS_ORIGINS: 'http://localhost:3100' });
    hr = await fleet.issuer.mint({ tenant: tenantA, roles: ['hr'] });
  });
  afterAll(() => fleet?.stop());

  it('passes REST through with the token and reads projected data over GraphQL, managers batched', async () => {
    const rest = (method: string, path: string, body?: unknown) =>
      callService(fleet.url, method, `/api/v1/hrms${path}`, { token: hr, body });
    const grace = ok(await rest('POST', '/employees', hire('Grace')), 201);
    managerId = (grace.body as { employeeId: string }).employeeId;
    const tokens = [grace.headers.get('x-consistency-token') ?? ''];
    for (const name of ['Ada', 'Alan', 'Edsger'])
      tokens.push(
        ok(await rest('POST', '/employees', hire(name, managerId)), 201).headers.get('x-consistency-token') ?? '',
      );
    expect(tokens.filter(Boolean)).toHaveLength(4);

    const before = await upstreamCalls(fleet.url, 'hrms');
    const { status, body } = await graphql(
      fleet.url,
      `
        {
          employees(limit: 10) {
            total
            items {
              firstName
              manager {
                firstName
              }
            }
          }
        }
      `,
      // Four hires are four streams, projected from different partitions: a token speaks
      // for its own stream only, so the query waits for all four (it saw three without).
      { token: hr, headers: { 'x-consistency-token': tokens.join(', ') } },
    );
    const calls = (await upstreamCalls(fleet.url, 'hrms')) - before;
    console.log(`GraphQL employees: ${JSON.stringify(body.data)}; HRMS calls for the query: ${calls}`);
    expect(status).toBe(200);
    const page = body.data?.employees as {
      total: number;
      items: Array<{ firstName: string; manager: { firstName: string } | null }>;
    };
    expect(page.total).toBe(4);
    expect(
      page.items
        .filter((e) => e.manager?.firstName === 'Grace')
        .map((e) => e.firstName)
        .sort(),
    ).toEqual(['Ada', 'Alan', 'Edsger']);
    // One call for the page, one batched call for every manager field (three of them, one id).
    expect(calls).toBe(2);
  });

  it('delivers the event of a command to its tenant’s subscribers within a second, and to no other tenant', async () => {
    // B here is a tenant of its own (the next test expects tenant B to have no employees).
    const tenantOther = `gwc${randomBytes(4).toString('hex')}`;
    const hrOther = await fleet.issuer.mint({ tenant: tenantOther, roles: ['hr'] });
    const clientA = subscriptionClient(fleet.url, hr);
    const clientB = subscriptionClient(fleet.url, hrOther);
    const received: Record<'A' | 'B', Array<{ type: string; subject: string; at: number }>> = { A: [], B: [] };
    const query = `subscription { domainEvents(types: ["EmployeeHired"]) { type subject data } }`;
    const listen = (client: typeof clientA, who: 'A' | 'B') =>
      client.subscribe<{ domainEvents: { type: string; subject: string } }>(
        { query },
        {
          next: ({ data }) => data && received[who].push({ ...data.domainEvents, at: performance.now() }),
          error: (error) => received[who].push({ type: `error ${JSON.stringify(error)}`, subject: '', at: 0 }),
          complete: () => undefined,
        },
      );
    const stops = [listen(clientA, 'A'), listen(clientB, 'B')];
    try {
      // The client subscribes asynchronously: warm-up hires, until one arrives, prove the
      // subscription is in place; the hire after that is the one timed.
      const rest = (body: unknown) => callService(fleet.url, 'POST', '/api/v1/hrms/employees', { token: hr, body });
      const arrived = (id: unknown) => received.A.some((e) => e.subject === id);
      const warmups: unknown[] = [];
      await eventually(
        async () => {
          if (warmups.some(arrived)) return true;
          warmups.push(ok(await rest(hire('Warmup')), 201).body.employeeId);
          return false;
        },
        { timeoutMs: 30_000, pollMs: 1_000, what: 'a warm-up event on the subscription' },
      );

      const sentAt = performance.now();
      const timed = ok(await rest(hire('Timed')), 201).body.employeeId;
      await eventually(async () => arrived(timed), {
        timeoutMs: 5_000,
        what: 'timed event',
      });
      const latency = (received.A.find((e) => e.subject === timed)?.at ?? Infinity) - sentAt;
      console.log(`subscription: EmployeeHired reached tenant A's subscriber ${latency.toFixed(0)} ms after the POST`);
      expect(received.A.find((e) => e.subject === timed)?.type).toBe('hexfleet.hrms.employee.EmployeeHired');
      expect(latency).toBeLessThan(1_000);
      // Not "nothing after a while": B's own hire, made after A's events were all delivered, is a
      // positive signal. Once it reaches B, anything of A's the gateway had pushed to B is there too
      // (it fans out each record as it reads it, and A's were read before B's hire was made).
      // Until one arrives (B's subscription is set up asynchronously too, like A's warm-up).
      const markers: unknown[] = [];
      await eventually(
        async () => {
          if (received.B.some((e) => markers.includes(e.subject))) return true;
          const body = hire('Marker');
          markers.push(
            ok(await callService(fleet.url, 'POST', '/api/v1/hrms/employees', { token: hrOther, body }), 201).body
              .employeeId,
          );
          return false;
        },
        { timeoutMs: 30_000, pollMs: 1_000, what: "tenant B's own marker event on B's subscription" },
      );
      expect(received.B.filter((e) => !markers.includes(e.subject))).toEqual([]);
    } finally {
      stops.forEach((stop) => stop());
      await Promise.all([clientA.dispose(), clientB.dispose()]);
    }
  });

  it('refuses missing, expired, forged and unsigned tokens, and shows tenant B nothing of tenant A', async () => {
    const other = await createDevIssuer('someone-else');
    const bad = {
      none: undefined,
      expired: await fleet.issuer.mint({ tenant: tenantA, roles: ['hr'], expiresInSeconds: -60 }),
      'other key': await other.mint({ tenant: tenantA, roles: ['hr'] }),
      'alg none': unsignedToken({ tenant: tenantA }),
    };
    const outcomes: string[] = [];
    for (const [name, token] of Object.entries(bad)) {
      const rest = await callService(fleet.url, 'GET', '/api/v1/hrms/employees', { token });
      const gql = await graphql(fleet.url, '{ employees { total } }', { token });
      outcomes.push(`${name}: REST ${rest.status}, GraphQL ${gql.status}`);
      expect([rest.status, gql.status, rest.body.code]).toEqual([401, 401, 'unauthorized']);
      expect(JSON.stringify(rest.body) + JSON.stringify(gql.body)).not.toContain('Grace');
    }
    console.log(`refused: ${outcomes.join('; ')}`);

    const b = await fleet.issuer.mint({ tenant: tenantB, roles: ['hr'] });
    const direct = await callService(fleet.url, 'GET', `/api/v1/hrms/employees/${managerId}`, { token: b });
    expect(direct.status).toBe(404);
    const viaGraphql = await graphql(fleet.url, `{ employee(id: "${managerId}") { firstName } employees { total } }`, {
      token: b,
    });
    console.log(
      `tenant B asking for tenant A's employee: REST ${direct.status}, GraphQL ${JSON.stringify(viaGraphql.body.data)}`,
    );
    expect(viaGraphql.body.data).toEqual({ employee: null, employees: { total: 0 } });
  });

  it('limits depth, cost and size, keeps service internals private, and answers CORS for the web apps only', async () => {
    const deep = `{ employees { items { manager { manager { manager { manager { manager { manager { manager { firstName } } } } } } } } } }`;
    const tooDeep = await graphql(fleet.url, deep, { token: hr });
    const before = await upstreamCalls(fleet.url, 'hrms');
    // One page of 200 titles, 7 fields each: its items count 200 times, not the 20 a list without a limit would.
    const tooCostly = await graphql(
      fleet.url,
      `{ catalogue(schoolId: "${randomUUID()}", limit: 200) { items { titleId title authors isbn itemType copies available } } }`,
      { token: hr },
    );
    console.log(
      `depth: ${tooDeep.status} ${tooDeep.body.errors?.[0]?.message}; cost: ${tooCostly.status} ${tooCostly.body.errors?.[0]?.message}`,
    );
    expect(tooDeep.status).toBe(400);
    expect(tooCostly.status).toBe(400);
    expect(tooCostly.body.errors?.[0]?.extensions?.code).toBe('query-too-complex');
    expect(await upstreamCalls(fleet.url, 'hrms')).toBe(before);

    const huge = await postTooLarge(`${fleet.url}/graphql`, hr);
    expect(huge.status).toBe(413);
    expect(huge.contentType).toContain('application/problem+json');

    expect((await callService(fleet.url, 'GET', '/api/v1/hrms/metrics', { token: hr })).status).toBe(404);
    const notDeployed = await graphql(
      fleet.url,
      `
        {
          payslips(period: "2026-01") {
            items {
              netMinor
            }
          }
        }
      `,
      { token: hr },
    );
    expect(notDeployed.body.errors?.[0]?.extensions?.code).toBe('module-not-deployed');

    const preflight = (origin: string) =>
      fetch(`${fleet.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('http://localhost:3100');
    const foreign = await preflight('https://evil.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3100');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // REST too: an allowed origin gets its CORS answer on a real call, another none.
    const restFrom = (origin: string) =>
      fetch(`${fleet.url}/api/v1/hrms/employees`, { headers: { origin, authorization: `Bearer ${hr}` } });
    expect((await restFrom('http://localhost:3100')).headers.get('access-control-allow-origin')).toBe(
      'http://localhost:3100',
    );
    expect((await restFrom('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    // Security headers on every kind of answer: GraphQL, REST passed through, an error, a public route.
    const answers = {
      graphql: await fetch(`${fleet.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
        body: JSON.stringify({ query: '{ employees { total } }' }),
      }),
      rest: await fetch(`${fleet.url}/api/v1/hrms/employees`, { headers: { authorization: `Bearer ${hr}` } }),
      unauthorized: await fetch(`${fleet.url}/api/v1/hrms/employees`),
      notFound: await fetch(`${fleet.url}/nothing-here`),
    };
    for (const [name, answer] of Object.entries(answers)) {
      const headers = Object.fromEntries(
        [
          'x-content-type-options',
          'x-frame-options',
          'referrer-policy',
          'strict-transport-security',
          'content-security-policy',
          'cross-origin-opener-policy',
          'x-powered-by',
        ].map((h) => [h, answer.headers.get(h)]),
      );
      expect({ name, ...headers }).toEqual({
        name,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        'cross-origin-opener-policy': 'same-origin',
        'x-powered-by': null,
      });
    }
  });

  it('answers bad input with a 4xx, never a 500', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${fleet.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${hr}` },
        body,
      });
    const query = (q: string, variables?: unknown) => post(JSON.stringify({ query: q, variables }));
    const cases: Array<[string, Promise<Response>]> = [
      ['GraphQL body not JSON', post('{"query": ')],
      ['GraphQL body without a query', post('{}')],
      ['GraphQL body as text/plain', post('{ employees { total } }', 'text/plain')],
      ['GraphQL syntax error', query('{ employees { total ')],
      ['GraphQL unknown field', query('{ employees { salary } }')],
      ['GraphQL argument of the wrong type', query('{ employees(limit: "many") { total } }')],
      ['GraphQL variable of the wrong type', query('query($l: Int) { employees(limit: $l) { total } }', { l: 'x' })],
      ['GraphQL GET without a query', fetch(`${fleet.url}/graphql`, { headers: { authorization: `Bearer ${hr}` } })],
      [
        'GraphQL mutation the service refuses (bad email, bad date)',
        query(
          'mutation { hireEmployee(input: { firstName: "X", workEmail: "not-an-email", joiningDate: "2026-13-45", department: "D", designation: "D", employmentType: "full-time" }) { id } }',
        ),
      ],
      ['GraphQL limit out of range (service says 400)', query('{ employees(limit: 100000) { total } }')],
      [
        'REST to a module that does not exist',
        fetch(`${fleet.url}/api/v1/nope/things`, { headers: { authorization: `Bearer ${hr}` } }),
      ],
      [
        'REST body the service refuses',
        fetch(`${fleet.url}/api/v1/hrms/employees`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
          body: JSON.stringify({ firstName: 42 }),
        }),
      ],
      [
        'REST body not JSON',
        fetch(`${fleet.url}/api/v1/hrms/employees`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
          body: '{"firstName": ',
        }),
      ],
      [
        'REST id that is not an id',
        fetch(`${fleet.url}/api/v1/hrms/employees/..%2F..%2Fmetrics`, { headers: { authorization: `Bearer ${hr}` } }),
      ],
    ];
    const seen: string[] = [];
    for (const [name, pending] of cases) {
      const response = await pending;
      const text = await response.text();
      seen.push(`${name}: ${response.status}`);
      if (response.status < 400 || response.status >= 500) throw new Error(`${name}: ${response.status} ${text}`);
    }
    console.log(`gateway bad input, ${cases.length} cases:\n  ${seen.join('\n  ')}`);
  });

  it('rate-limits a client that sends too much, with a 429 problem', async () => {
    const strict = await fleet.startGateway({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const { url } = strict;
      const statuses: number[] = [];
      let last: Reply | undefined;
      for (let i = 0; i < 7; i++) {
        last = await callService(url, 'GET', '/api/v1/hrms/employees', { token: hr });
        statuses.push(last.status);
      }
      console.log(`rate limit 5/min: ${statuses.join(' ')}`);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(last?.headers.get('content-type')).toContain('application/problem+json');
      expect(last?.headers.get('retry-after')).not.toBeNull();
    } finally {
      await strict.stop();
    }
  });

  it('rate-limits sign-in and token refresh at the edge, like every route', async () => {
    // Identity "deployed" at an address nobody answers: what is counted is the gateway's limit, before any upstream.
    const strict = await fleet.startGateway({ RATE_LIMIT_PER_MINUTE: '4', IDENTITY_URL: 'http://127.0.0.1:9' });
    try {
      const post = (route: string, body: unknown) =>
        fetch(`${strict.url}/api/v1/identity${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await post('/auth/login', { tenant: 'acme', email: 'a@b.co', password: 'guess' })).status);
        statuses.push((await post('/auth/refresh', { tenant: 'acme', refreshToken: 'stolen' })).status);
      }
      console.log(`rate limit 4/min on login and refresh: ${statuses.join(' ')}`);
      expect(statuses.slice(0, 4).every((status) => status !== 429)).toBe(true);
      expect(statuses.slice(4)).toEqual([429, 429]);
    } finally {
      await strict.stop();
    }
  });

  it('answers 502 problem+json, on REST and GraphQL alike, when a service refuses connections', async () => {
    // HRMS "moved" to an address where nothing listens (its topics exist, so the gateway starts).
    const gateway = await fleet.startGateway({ HRMS_URL: `http://127.0.0.1:${await freePort()}` });
    try {
      const rest = await callService(gateway.url, 'GET', '/api/v1/hrms/employees', { token: hr });
      const viaGraphql = await graphql(gateway.url, '{ employees { total } }', { token: hr });
      console.log(`HRMS unreachable: REST ${rest.status}, GraphQL ${viaGraphql.status}`);
      expect(rest.status).toBe(502);
      expect(rest.headers.get('content-type')).toContain('application/problem+json');
      expect(rest.body).toMatchObject({ status: 502, code: 'upstream-unavailable' });
      expect(viaGraphql.body.errors?.[0]?.extensions?.code).toBe('upstream-unavailable');
    } finally {
      await gateway.stop();
    }
  });
});
