import { randomUUID } from 'node:crypto';
import { MAX_TOKENS } from '@hexfleet/eventing';
import { createDevIssuer, unsignedToken } from '@hexfleet/testing';
import { ExampleHarness, startExample, storedEvents } from './support/example-harness';

describe('the platform answers every error as problem+json and leaves nothing behind', () => {
  let service: ExampleHarness;
  let token: string;
  const tenant = 'errco';

  beforeAll(async () => {
    service = await startExample();
    token = await service.token(tenant, ['payroll-admin']);
  });
  afterAll(() => service?.close());

  const expectProblem = (
    reply: { status: number; headers: Headers; body: Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status, code, type: expect.stringContaining(code) });
  };

  it('a malformed body gets 400 naming the field', async () => {
    const reply = await service.call('POST', `/accounts/${randomUUID()}/deposits`, {
      token,
      body: { amountMinor: 'ten', colour: 'red' },
    });
    expectProblem(reply, 400, 'validation-failed');
    const fields = (reply.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['amountMinor', 'colour']));
    console.log(`400 body: ${JSON.stringify(reply.body)}`);
  });

  it('a body that is not JSON gets 400, not 500', async () => {
    const reply = await service.call('POST', `/accounts/${randomUUID()}/deposits`, { token, body: '{"amountMinor": ' });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a body that is JSON but no object (a list, a string, null) gets 400 naming the body', async () => {
    for (const body of ['[{"amountMinor": 5}]', '"5"', 'null']) {
      const reply = await service.call('POST', `/accounts/${randomUUID()}/deposits`, { token, body });
      expectProblem(reply, 400, 'validation-failed');
      expect(reply.body.errors).toEqual([{ field: 'body', message: 'the body must be a JSON object' }]);
    }
  });

  it('a broken rule gets 409 with its code, an invalid command 422', async () => {
    const account = randomUUID();
    expectProblem(
      await service.call('POST', `/accounts/${account}/withdrawals`, { token, body: { amountMinor: 5 } }),
      409,
      'insufficient-funds',
    );
    expectProblem(
      await service.call('POST', `/accounts/${account}/deposits`, { token, body: { amountMinor: -5 } }),
      422,
      'amount-not-positive',
    );
  });

  it('a concurrency conflict gets 409 and only the winners stored events', async () => {
    const account = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        service.call('POST', `/accounts/${account}/deposits`, { token, body: { amountMinor: 1 } }),
      ),
    );
    const created = replies.filter((r) => r.status === 201).length;
    const conflicts = replies.filter((r) => r.status === 409);
    console.log(`20 concurrent deposits: ${created} x 201, ${conflicts.length} x 409`);
    expect(created + conflicts.length).toBe(20);
    expect(conflicts.length).toBeGreaterThan(0);
    for (const reply of conflicts) expect(reply.body.code).toBe('concurrent-modification');
    const { rows } = await service.db.pool.query(
      'select count(*)::int as n from eventstore.events where stream_id = $1',
      [`${tenant}/account/${account}`],
    );
    expect(rows[0].n).toBe(created);
  });

  it('refused commands leave no event behind', async () => {
    const before = await storedEvents(service, tenant);
    await service.call('POST', `/accounts/${randomUUID()}/deposits`, { token, body: { amountMinor: 'x' } });
    await service.call('POST', `/accounts/${randomUUID()}/withdrawals`, { token, body: { amountMinor: 1 } });
    await service.call('POST', `/accounts/${randomUUID()}/deposits`, { token, body: { amountMinor: 0 } });
    expect(await storedEvents(service, tenant)).toBe(before);
  });

  it('an unknown failure is a 500 that says nothing about internals', async () => {
    const reply = await service.call('GET', `/accounts/${randomUUID()}/statement`, { token });
    expectProblem(reply, 500, 'internal-error');
    expect(JSON.stringify(reply.body)).not.toMatch(/hunter2|postgres|10\.0\.0\.7|stack/);
  });

  it('a consistency token we did not issue gets 400', async () => {
    const reply = await service.call('GET', `/accounts/${randomUUID()}`, {
      token,
      headers: { 'x-consistency-token': 'not-a-token' },
    });
    expectProblem(reply, 400, 'bad-request');
  });

  it('a list of consistency tokens is refused when one of them is not ours, or when it is longer than the bound', async () => {
    const written = await service.call('POST', `/accounts/${randomUUID()}/deposits`, {
      token,
      body: { amountMinor: 100 },
    });
    const ours = written.headers.get('x-consistency-token') ?? '';
    expect(ours).not.toBe('');
    const read = (list: string) =>
      service.call('GET', `/accounts/${randomUUID()}`, { token, headers: { 'x-consistency-token': list } });
    expectProblem(await read(`${ours}, not-a-token`), 400, 'bad-request');
    expectProblem(
      await read(
        Array(MAX_TOKENS + 1)
          .fill(ours)
          .join(', '),
      ),
      400,
      'bad-request',
    );
    expect((await read(Array(MAX_TOKENS).fill(ours).join(', '))).status).toBe(404);
  });
});

describe('every route needs a valid token, and the token alone names the tenant', () => {
  let service: ExampleHarness;
  beforeAll(async () => {
    service = await startExample();
  });
  afterAll(() => service?.close());

  const deposit = (token: string | undefined, account = randomUUID()) =>
    service.call('POST', `/accounts/${account}/deposits`, { token, body: { amountMinor: 100 } });

  it('no token, an expired one, one from another key and alg none all get 401', async () => {
    const stranger = await createDevIssuer();
    const cases: Record<string, string | undefined> = {
      'no token': undefined,
      expired: await service.issuer.mint({ tenant: 'authco', expiresInSeconds: -60 }),
      'another key': await stranger.mint({ tenant: 'authco' }),
      'alg none': unsignedToken({ tenant: 'authco' }),
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      const reply = await deposit(token);
      expect({ name, status: reply.status, code: reply.body.code }).toEqual({
        name,
        status: 401,
        code: 'unauthorized',
      });
    }
    expect(await storedEvents(service, 'authco')).toBe(0);
  });

  it('a token naming an invalid tenant gets 401', async () => {
    const reply = await deposit(await service.issuer.mint({ tenant: 'Bad"; drop' }));
    expect(reply.status).toBe(401);
  });

  it('a missing role gets 403', async () => {
    const reply = await service.call('POST', `/accounts/${randomUUID()}/withdrawals`, {
      token: await service.token('authco'),
      body: { amountMinor: 1 },
    });
    expect(reply.status).toBe(403);
  });

  it("a valid token's tenant is the only tenant the handler sees", async () => {
    const account = randomUUID();
    const alpha = await service.token('alphaco');
    const beta = await service.token('betaco');
    const written = await deposit(alpha, account);
    expect(written.status).toBe(201);
    const readAfter = written.headers.get('x-consistency-token') ?? '';
    const mine = await service.call('GET', `/accounts/${account}`, {
      token: alpha,
      headers: { 'x-consistency-token': readAfter },
    });
    expect(mine.body).toMatchObject({ accountId: account, balance: 100 });
    expect(mine.headers.get('x-consistency')).toBe('fresh');
    // Same account id, other tenant: not found, and its token is refused.
    expect((await service.call('GET', `/accounts/${account}`, { token: beta })).status).toBe(404);
    expect(
      (
        await service.call('GET', `/accounts/${account}`, {
          token: beta,
          headers: { 'x-consistency-token': readAfter },
        })
      ).status,
    ).toBe(400);
    // A tenant header cannot steer it either.
    const steered = await service.call('GET', `/accounts/${account}`, { token: beta, headers: { tenant: 'alphaco' } });
    expect(steered.status).toBe(404);
    const { rows } = await service.db.pool.query('select distinct tenant from eventstore.events');
    expect(rows.map((r) => r.tenant)).toEqual(['alphaco']);
    // Nor can it ride in a list behind one of beta's own tokens.
    const betaWrite = await deposit(beta);
    const listed = await service.call('GET', `/accounts/${account}`, {
      token: beta,
      headers: { 'x-consistency-token': `${betaWrite.headers.get('x-consistency-token')}, ${readAfter}` },
    });
    expect(listed.status).toBe(400);
  });

  it('health, metrics and the OpenAPI document need no token', async () => {
    expect((await service.call('GET', '/health/live')).status).toBe(200);
    expect((await service.call('GET', '/health/ready')).status).toBe(200);
    const openapi = await service.call('GET', '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths as object)).toEqual(
      expect.arrayContaining(['/accounts/{id}/deposits', '/accounts/{id}/withdrawals', '/accounts/{id}']),
    );
  });
});
