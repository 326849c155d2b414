import { fixedClock } from '@hexfleet/kernel';
import type { Reply } from '@hexfleet/testing';
import { startNotifications, uniqueTenant } from './support/notifications-harness';
import type { NotificationsHarness } from './support/notifications-harness';

const NOW = '2026-03-02T09:00:00.000Z';

// The service on the real stack: HTTP in, event store, relay, Kafka, read model, HTTP out.
describe('notifications deliveries', () => {
  let service: NotificationsHarness;
  const tenant = uniqueTenant();

  beforeAll(async () => {
    service = await startNotifications(fixedClock(NOW));
  });
  afterAll(() => service?.close());

  const writer = () => service.issuer.mint({ tenant, roles: ['tenant-admin'] });

  /**
   * A read that sends a write's consistency token back: the service waits (up to 3 s) until
   * the read model has applied the write, and says `fresh`. A busy machine may need another try.
   */
  async function readAfter(write: Reply, path: string, token: string): Promise<Reply> {
    const headers = { 'x-consistency-token': write.headers.get('x-consistency-token') ?? '' };
    let reply = await service.call('GET', path, { token, headers });
    for (let tries = 1; reply.headers.get('x-consistency') === 'stale' && tries < 10; tries++) {
      reply = await service.call('GET', path, { token, headers });
    }
    expect([reply.status, reply.headers.get('x-consistency')]).toEqual([200, 'fresh']);
    return reply;
  }

  it('creates a delivery over HTTP and reads it back from the read model with the consistency token', async () => {
    const token = await writer();
    const created = await service.call('POST', '/deliveries', { token, body: { name: '  Atlas ' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-consistency-token')).toBeTruthy();
    const deliveryId = String(created.body.deliveryId);

    const listed = await readAfter(created, '/deliveries', token);
    expect(listed.body).toEqual({
      items: [{ deliveryId, name: 'Atlas', createdAt: NOW, renamedAt: null }],
      total: 1,
      limit: 50,
      offset: 0,
    });
  });

  it('renames it, and answers each refusal with its code', async () => {
    const token = await writer();
    const created = await service.call('POST', '/deliveries', { token, body: { name: 'Globe' } });
    const deliveryId = String(created.body.deliveryId);

    const renamed = await service.call('POST', `/deliveries/${deliveryId}/rename`, { token, body: { name: 'Map' } });
    expect(renamed.status).toBe(200);
    const read = await readAfter(renamed, `/deliveries/${deliveryId}`, token);
    expect(read.body).toEqual({ deliveryId, name: 'Map', createdAt: NOW, renamedAt: NOW });

    const refusals = {
      unchanged: await service.call('POST', `/deliveries/${deliveryId}/rename`, { token, body: { name: 'Map' } }),
      blank: await service.call('POST', '/deliveries', { token, body: { name: '   ' } }),
      missing: await service.call('POST', '/deliveries', { token, body: {} }),
      unknown: await service.call('POST', `/deliveries/${crypto.randomUUID()}/rename`, { token, body: { name: 'X' } }),
    };
    expect(Object.fromEntries(Object.entries(refusals).map(([why, r]) => [why, [r.status, r.body.code]]))).toEqual({
      unchanged: [409, 'delivery-name-unchanged'],
      blank: [422, 'invalid-delivery-name'],
      missing: [400, 'validation-failed'],
      unknown: [404, 'not-found'],
    });
  });

  it('lets only tenant-admin or school-admin write, and shows another tenant nothing', async () => {
    const created = await service.call('POST', '/deliveries', { token: await writer(), body: { name: 'Ours' } });
    const path = `/deliveries/${String(created.body.deliveryId)}`;
    const reader = await service.issuer.mint({ tenant, roles: [] });
    const stranger = await service.issuer.mint({ tenant: uniqueTenant('other'), roles: ['tenant-admin'] });

    expect((await service.call('GET', '/deliveries')).status).toBe(401);
    expect((await service.call('POST', '/deliveries', { token: reader, body: { name: 'Theirs' } })).status).toBe(403);
    expect((await readAfter(created, path, reader)).body).toMatchObject({ name: 'Ours' });
    expect((await service.call('GET', path, { token: stranger })).status).toBe(404);
  });
});
