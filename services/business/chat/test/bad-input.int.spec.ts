import { fixedClock } from '@hexfleet/kernel';
import { badInputCases, openApiOf, sendBadInputs, tenantEvents } from '@hexfleet/testing';
import { known, People, startChat, uniqueTenant } from './support/chat-harness';
import type { ChatHarness } from './support/chat-harness';

// Every endpoint in /openapi.json, each path id, query parameter and body field broken in turn,
// answers 4xx problem+json naming the field, and nothing is written.
describe('bad input on every Chat endpoint', () => {
  const tenant = uniqueTenant('bad');
  let service: ChatHarness;
  let people: People;

  beforeAll(async () => {
    [service, people] = await Promise.all([startChat(fixedClock('2026-03-02T09:00:00.000Z')), People.start()]);
  });
  afterAll(async () => {
    await people?.close();
    await service?.close();
  });

  it('answers every malformed or out-of-range request with a problem naming the field, and writes nothing', async () => {
    const [ann, bob] = await Promise.all(['ann', 'bob'].map((h) => people.register(tenant, h)));
    await known(service, tenant, [ann, bob]);
    const token = await service.issuer.mint({ tenant, userId: ann, roles: ['tenant-admin'] });
    // Real ids everywhere but the broken spot, so a request that slipped through validation would act.
    const created = await service.call('POST', '/channels', { token, body: { kind: 'public', name: 'real' } });
    const id = String(created.body.channelId);
    const sent = await service.call('POST', `/channels/${id}/messages`, { token, body: { text: 'real' } });
    const ids = { id, messageId: String(sent.body.messageId), userId: bob };

    const openapi = openApiOf(await service.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, ids);
    const before = await tenantEvents(service, tenant);
    const { failures, statuses } = await sendBadInputs(cases, (c) =>
      service.call(c.method, c.path, { token, body: c.body }),
    );
    const after = await tenantEvents(service, tenant);
    console.log(
      `chat: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `events before ${before}, after ${after}; no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(after).toBe(before);
  });
});
