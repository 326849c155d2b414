import { randomBytes, randomUUID } from 'node:crypto';
import { hrms, identity } from '@hexfleet/schemas';
import { eventually, OutboxStandIn, waitForMails } from '@hexfleet/testing';
import { Fleet, graphql, GraphqlReply, startFleet, subscriptionClient } from './support/fleet';

const tenant = `gqn${randomBytes(4).toString('hex')}`;
const AT = '2026-03-02T09:00:00.000Z';
const person = (first: string) => ({
  userId: randomUUID(),
  employeeId: randomUUID(),
  email: `${first}.${randomBytes(4).toString('hex')}@example.test`,
  name: `${first} Tester`,
});

const dataOf = (reply: GraphqlReply) => {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};

const INBOX = `query { notificationsInbox(limit: 10) { total unread hasMore items { itemId kind subject body readAt } } }`;
const UNREAD = `query { notificationsUnreadCount }`;
const READ = `mutation ($id: ID!) { markNotificationRead(itemId: $id) { itemId readAt } }`;
const DELIVERIES = `query { notificationsDeliveries(status: "sent") { total items { deliveryId channel kind status attempts } } }`;
const RETRY = `mutation ($id: ID!) { retryNotificationsDelivery(deliveryId: $id) { status } }`;

/** Notifications as deployed, behind the gateway: HRMS and identity from a stand-in outbox, a leave decided. */
describe('Notifications through the gateway’s GraphQL', () => {
  let fleet: Fleet;
  let upstream: OutboxStandIn;
  const [manager, ada] = [person('marie'), person('ada')];

  beforeAll(async () => {
    [fleet, upstream] = await Promise.all([
      startFleet({ notifications: 'services/shared/notifications' }),
      OutboxStandIn.start('upstream', '/test/upstream', [...hrms.contracts, ...identity.contracts]),
    ]);
    for (const [who, managerId] of [
      [manager, null],
      [ada, manager.employeeId],
    ] as const) {
      await upstream.record(
        tenant,
        'employee',
        who.employeeId,
        hrms.employeeHired({
          employeeId: who.employeeId,
          firstName: who.name.split(' ')[0],
          lastName: 'Tester',
          workEmail: who.email,
          joiningDate: '2026-01-05',
          department: 'Engineering',
          designation: 'Engineer',
          employmentType: 'full-time',
          managerId,
          hiredAt: AT,
        }),
      );
      await upstream.record(
        tenant,
        'user',
        who.userId,
        identity.userRegistered({
          userId: who.userId,
          product: 'business',
          email: who.email,
          displayName: who.name,
          registeredVia: 'invitation',
          employeeId: who.employeeId,
          registeredAt: AT,
        }),
      );
    }
    await upstream.publish();
  });
  afterAll(async () => {
    await upstream?.close();
    await fleet?.stop();
  });

  it('shows the employee the leave decision in the inbox and the live badge, and lets them read it', async () => {
    const token = await fleet.issuer.mint({ tenant, userId: ada.userId, roles: ['employee'] });
    const send = async (query: string, variables?: Record<string, unknown>) =>
      dataOf(await graphql(fleet.url, query, { token, variables }));
    // The live badge: the count at once, then each change.
    const [badge, errors]: [number[], string[]] = [[], []];
    const client = subscriptionClient(fleet.url, token);
    const stop = client.subscribe<{ notificationsUnread: number }>(
      { query: 'subscription { notificationsUnread }' },
      {
        next: ({ data }) => data && badge.push(data.notificationsUnread),
        error: (error: unknown) => errors.push(JSON.stringify(error)),
        complete: () => undefined,
      },
    );
    await eventually(async () => badge.length > 0, { what: 'the badge at once', timeoutMs: 30_000 });
    expect(badge).toEqual([0]);

    const leaveRequestId = randomUUID();
    await upstream.record(
      tenant,
      'leave-request',
      leaveRequestId,
      hrms.leaveApproved({
        leaveRequestId,
        employeeId: ada.employeeId,
        leaveTypeId: randomUUID(),
        unpaid: false,
        fromDate: '2026-03-09',
        toDate: '2026-03-09',
        leaveDays: [{ date: '2026-03-09', halfDay: false }],
        totalDays: 1,
        approvedBy: manager.employeeId,
        approvedAt: AT,
      }),
    );
    await eventually(async () => badge[badge.length - 1] === 1, { what: 'the live badge at 1', timeoutMs: 90_000 });
    expect((await send(UNREAD)).notificationsUnreadCount).toBe(1);
    const inbox = (await send(INBOX)).notificationsInbox as {
      total: number;
      unread: number;
      hasMore: boolean;
      items: Array<{ itemId: string; kind: string; subject: string; readAt: string | null }>;
    };
    expect(inbox).toMatchObject({ total: 1, unread: 1, hasMore: false });
    expect(inbox.items[0]).toMatchObject({
      kind: 'leave-approved',
      subject: 'Your leave is approved: 2026-03-09 to 2026-03-09',
      readAt: null,
    });
    const [mail] = await waitForMails(ada.email, 1, { timeoutMs: 60_000 });
    expect(mail.Subject).toBe(inbox.items[0].subject);

    const read = (await send(READ, { id: inbox.items[0].itemId })).markNotificationRead as { readAt: string };
    expect(read.readAt).toEqual(expect.any(String));
    expect((await send(UNREAD)).notificationsUnreadCount).toBe(0);
    await eventually(async () => badge[badge.length - 1] === 0, {
      what: 'the live badge back at 0',
      timeoutMs: 10_000,
    });
    expect(badge).toEqual([0, 1, 0]);
    expect(errors).toEqual([]);
    stop();
    await client.dispose();
    expect((await send('mutation { markAllNotificationsRead }')).markAllNotificationsRead).toBe(0);

    const admin = await fleet.issuer.mint({ tenant, roles: ['tenant-admin'] });
    const sent = dataOf(await graphql(fleet.url, DELIVERIES, { token: admin })).notificationsDeliveries as {
      items: Array<{ deliveryId: string; channel: string }>;
    };
    expect(sent.items.map((d) => d.channel).sort()).toEqual(['email', 'in-app']);
    const again = await graphql(fleet.url, RETRY, { token: admin, variables: { id: sent.items[0].deliveryId } });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'delivery-not-parked', status: 409 });
    const denied = await graphql(fleet.url, DELIVERIES, { token });
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ status: 403 });
  });
});
