import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { eventually, listOf } from '@hexfleet/testing';
import { generalChannelId, departmentChannelId } from '../src/application/channel-ids';
import { People, startChat, uniqueTenant } from './support/chat-harness';
import type { ChatHarness } from './support/chat-harness';

const NOW = '2026-03-02T09:00:00.000Z';

/** The members of a channel as its event store says, and who caused each change. */
async function causes(service: ChatHarness, tenant: string, channelId: string) {
  const { rows } = await service.db.pool.query<{ type: string; user: string; cause: string }>(
    `select event_type as type, payload->>'userId' as user, metadata->>'causationId' as cause
     from eventstore.events where stream_id = $1 and event_type like 'Member%' order by stream_version`,
    [`${tenant}/channel/${channelId}`],
  );
  return rows;
}

// HRMS and identity as stand-in outboxes; chat reacts to their events on the real stack.
describe('chat: default channels and removals from HRMS and identity', () => {
  let service: ChatHarness;
  let people: People;

  beforeAll(async () => {
    [service, people] = await Promise.all([startChat(fixedClock(NOW)), People.start()]);
  });
  afterAll(async () => {
    await people?.close();
    await service?.close();
  });

  it('EmployeeHired joins #general and the department channel (created on first need), whichever of hire and account comes first', async () => {
    const tenant = uniqueTenant();
    const [e1, e2, e3] = [randomUUID(), randomUUID(), randomUUID()];
    const u3 = randomUUID();
    // e1: the account is registered after the hire; e2: before it; e3: HRMS knows the user.
    const hire1 = await people.hire(tenant, e1, 'Engineering');
    const u1 = await people.register(tenant, 'one', e1);
    const u2 = await people.register(tenant, 'two', e2);
    await people.hire(tenant, e2, 'Engineering');
    await people.hire(tenant, e3, 'Sales Ops', u3);

    const general = generalChannelId(tenant);
    const engineering = departmentChannelId(tenant, 'Engineering');
    const sales = departmentChannelId(tenant, 'Sales Ops');
    await eventually(async () => (await causes(service, tenant, general)).length === 3, { what: '#general' });
    await eventually(async () => (await causes(service, tenant, engineering)).length === 2, { what: '#engineering' });
    await eventually(async () => (await causes(service, tenant, sales)).length === 1, { what: '#sales-ops' });
    expect((await causes(service, tenant, general)).map((r) => r.user).sort()).toEqual([u1, u2, u3].sort());
    expect((await causes(service, tenant, engineering)).map((r) => r.user).sort()).toEqual([u1, u2].sort());

    const token = await service.issuer.mint({ tenant, userId: u3, roles: ['employee'] });
    await eventually(async () => (await service.call('GET', '/channels', { token })).body.length === 2, {
      what: "u3's channels",
    });
    const names = listOf<{ name: string }>(await service.call('GET', '/channels', { token }));
    expect(names.map((c) => c.name).sort()).toEqual(['general', 'sales-ops']);

    // Redelivering a hire appends nothing: the command id derives from the event.
    await people.hire(tenant, e1, 'Engineering');
    void hire1;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await causes(service, tenant, general)).length).toBe(3);
  });

  it('UserDeactivated and EmployeeSeparated remove the user from every channel, naming the event as the cause', async () => {
    const tenant = uniqueTenant();
    const [e1, e2] = [randomUUID(), randomUUID()];
    const [u1, u2] = [randomUUID(), randomUUID()];
    await people.register(tenant, 'ua', e1, u1);
    await people.register(tenant, 'ub', e2, u2);
    await people.hire(tenant, e1, 'Support');
    await people.hire(tenant, e2, 'Support');
    const general = generalChannelId(tenant);
    const support = departmentChannelId(tenant, 'Support');
    await eventually(async () => (await causes(service, tenant, support)).length === 2, { what: 'the joins' });
    // The removal reads memberships from the read model: wait until both joins are there.
    const token1 = await service.issuer.mint({ tenant, userId: u1, roles: ['employee'] });
    const token2 = await service.issuer.mint({ tenant, userId: u2, roles: ['employee'] });
    for (const token of [token1, token2]) {
      await eventually(async () => (await service.call('GET', '/channels', { token })).body.length === 2, {
        what: 'memberships in the read model',
      });
    }

    const deactivation = await people.deactivate(tenant, u1);
    const separation = await people.separate(tenant, e2); // no userId: chat knows it from the account link
    await eventually(async () => (await causes(service, tenant, general)).length === 4, { what: 'the removals' });
    const removals = (await causes(service, tenant, general)).filter((r) => r.type === 'MemberRemoved');
    expect(removals).toEqual(
      expect.arrayContaining([
        { type: 'MemberRemoved', user: u1, cause: deactivation },
        { type: 'MemberRemoved', user: u2, cause: separation },
      ]),
    );
    await eventually(async () => (await causes(service, tenant, support)).length === 4, { what: 'both channels' });
    for (const token of [token1, token2]) {
      await eventually(async () => (await service.call('GET', '/channels', { token })).body.length === 0, {
        what: 'no channels left',
      });
    }
  });
});
