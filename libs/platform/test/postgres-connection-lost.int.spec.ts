import { randomUUID } from 'node:crypto';
import { eventually } from '@hexfleet/testing';
import { ExampleHarness, startExample } from './support/example-harness';

/**
 * Found by the chaos suite (kill -9 of the postmaster): a pooled connection that drops
 * while checked out emitted an 'error' nobody listened to, and the service died.
 */
describe('a Postgres connection cut while in use', () => {
  let service: ExampleHarness;
  beforeAll(async () => {
    service = await startExample();
  });
  afterAll(() => service?.close());

  it('fails the work on it, not the process; the service keeps serving', async () => {
    const client = await service.runtime.pool.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    await service.db.pool.query('select pg_terminate_backend($1)', [rows[0].pid]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the connection learns of it while idle
    const outcome = await client.query('select 1').then(
      () => 'answered',
      (error: Error) => error.message,
    );
    client.release(true);
    console.log(`the query on the cut connection: ${outcome}`);
    expect(outcome).not.toBe('answered');

    const token = await service.token('cutco');
    const account = randomUUID();
    const written = await service.call('POST', `/accounts/${account}/deposits`, { token, body: { amountMinor: 5 } });
    expect(written.status).toBe(201);
    await eventually(async () => (await service.call('GET', `/accounts/${account}`, { token })).status === 200, {
      what: 'the deposit projected after the cut',
    });
  });
});
