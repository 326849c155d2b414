import { randomUUID } from 'node:crypto';
import { ExampleHarness, startExample } from './support/example-harness';

describe('a command over several streams commits them together', () => {
  let service: ExampleHarness;
  let token: string;
  const tenant = 'transferco';
  const versions = async (account: string) => {
    const { rows } = await service.db.pool.query<{ types: string[] }>(
      `select coalesce(array_agg(event_type order by stream_version), '{}') as types from eventstore.events where stream_id = $1`,
      [`${tenant}/account/${account}`],
    );
    return rows[0].types;
  };

  beforeAll(async () => {
    service = await startExample();
    token = await service.token(tenant);
  });
  afterAll(() => service?.close());

  it('concurrent transfers never overdraw and never write half a transfer', async () => {
    const from = randomUUID();
    const to = randomUUID();
    expect((await service.call('POST', `/accounts/${from}/deposits`, { token, body: { amountMinor: 5 } })).status).toBe(
      201,
    );
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.call('POST', '/transfers', { token, body: { from, to, amountMinor: 1 } }),
      ),
    );
    const codes = replies.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.code}`));
    console.log(`10 concurrent transfers of 1 from a balance of 5: ${codes.sort().join(', ')}`);
    expect(codes.filter((c) => c === '201')).toHaveLength(5);
    expect(codes.filter((c) => c !== '201').every((c) => c === '409 insufficient-funds')).toBe(true);
    expect((await versions(from)).filter((t) => t === 'Withdrawn')).toHaveLength(5);
    expect(await versions(to)).toEqual(Array(5).fill('Deposited'));
  });

  it('a refused transfer writes neither side; a repeated one (same Idempotency-Key) writes once', async () => {
    const from = randomUUID();
    const to = randomUUID();
    const refused = await service.call('POST', '/transfers', { token, body: { from, to, amountMinor: 1 } });
    expect(refused.body.code).toBe('insufficient-funds');
    expect(await versions(from)).toEqual([]);
    expect(await versions(to)).toEqual([]);

    // Exactly enough for one transfer: a replay that re-decided on today's state would be refused.
    await service.call('POST', `/accounts/${from}/deposits`, { token, body: { amountMinor: 3 } });
    const key = { 'idempotency-key': randomUUID() };
    const first = await service.call('POST', '/transfers', { token, body: { from, to, amountMinor: 3 }, headers: key });
    const again = await service.call('POST', '/transfers', { token, body: { from, to, amountMinor: 3 }, headers: key });
    expect([first.body.outcome, again.body.outcome]).toEqual(['appended', 'already-applied']);
    expect(first.headers.get('x-consistency-token')).toBeTruthy();
    expect(await versions(from)).toEqual(['Deposited', 'Withdrawn']);
    expect(await versions(to)).toEqual(['Deposited']);
  });
});
