import { randomUUID } from 'node:crypto';
import { relayBacklog } from '@hexfleet/eventing';
import { eventually } from '@hexfleet/testing';
import { startExample } from './support/example-harness';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, publishes what was accepted, then closes', async () => {
    const service = await startExample();
    const token = await service.token('closeco');
    const account = randomUUID();
    const deposit = () => service.call('POST', `/accounts/${account}/deposits`, { token, body: { amountMinor: 3 } });
    expect((await deposit()).status).toBe(201);
    await eventually(async () => (await service.call('GET', `/accounts/${account}`, { token })).status === 200);

    // Reads that wait for a write the stopped projection will not apply: in flight for up to 3 s.
    await service.runtime.projectionRunners[0].stop();
    const written = await deposit();
    const readAfter = written.headers.get('x-consistency-token') ?? '';
    const startedAt = Date.now();
    const reads = Array.from({ length: 10 }, () =>
      service.call('GET', `/accounts/${account}`, { token, headers: { 'x-consistency-token': readAfter } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await service.app.close();
    const replies = await Promise.all(reads);

    console.log(
      `closed after ${Date.now() - startedAt} ms; in-flight reads answered: ${replies.map((r) => `${r.status}/${r.headers.get('x-consistency')}`).join(' ')}`,
    );
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-consistency')).toBe('stale');
    }
    // Every accepted command's event is stored, and the relay published it before it stopped.
    const { rows } = await service.db.pool.query(
      `select count(*)::int as n from eventstore.events where tenant = 'closeco'`,
    );
    expect(rows[0].n).toBe(2);
    expect((await relayBacklog(service.db.pool, service.runtime.definition.name)).events).toBe(0);
    // And the service holds no connection any more.
    expect(service.runtime.pool.totalCount).toBe(0);
    await service.db.drop();
  });
});
