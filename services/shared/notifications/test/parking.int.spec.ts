import { freePort, mailsTo, startMailpitOn, waitForMails } from '@hexfleet/testing';
import { FleetFacts } from './support/fleet-facts';
import {
  deliveriesOf,
  directoryCaughtUp,
  inboxOf,
  notificationsSuite,
  uniqueTenant,
} from './support/notifications-harness';

// SMTP down: each mail is tried with a backoff, then parked where an admin sees it and sends it again.
describe('an SMTP server that does not answer', () => {
  let smtpPort = 0;
  let mailpit: { url: string; stop(): Promise<void> } | undefined;
  const suite = notificationsSuite('park', async () => {
    smtpPort = await freePort();
    return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, retry: { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 1000 } };
  });
  const { tenant } = suite;
  afterAll(() => mailpit?.stop());

  it('parks a mail after its attempts, keeps the inbox entry, and sends it once an admin retries', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Marie', 'Curie');
    const employee = await facts.employee('Ada', 'Lovelace', manager.employeeId);
    await directoryCaughtUp(suite.service, tenant);
    await facts.leave('approved', employee, manager);

    let parked = await deliveriesOf(suite.service, tenant, 'parked');
    for (const deadline = Date.now() + 30_000; parked.total === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      parked = await deliveriesOf(suite.service, tenant, 'parked');
    }
    expect(parked.items).toEqual([
      expect.objectContaining({ kind: 'leave-approved', channel: 'email', status: 'parked', attempts: 3 }),
    ]);
    expect(parked.items[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    // The in-app channel does not wait on SMTP.
    expect((await inboxOf(suite.service, tenant, employee.userId)).total).toBe(1);

    const admin = await suite.service.issuer.mint({ tenant, roles: ['tenant-admin'] });
    const someone = await suite.service.issuer.mint({ tenant, roles: [] });
    const retry = (token: string, id = parked.items[0].deliveryId) =>
      suite.service.call('POST', `/deliveries/${id}/retry`, { token });
    expect((await retry(someone)).status).toBe(403);
    expect((await suite.service.call('GET', '/deliveries?status=parked', { token: someone })).status).toBe(403);

    mailpit = await startMailpitOn(smtpPort);
    expect((await retry(admin)).body).toEqual({ deliveryId: parked.items[0].deliveryId, status: 'pending' });
    const [mail] = await waitForMails(employee.email, 1, { url: mailpit.url });
    expect(mail.Subject).toBe('Your leave is approved: 2026-03-09 to 2026-03-10');
    expect((await deliveriesOf(suite.service, tenant, 'sent')).items.map((d) => d.channel).sort()).toEqual([
      'email',
      'in-app',
    ]);

    const again = await retry(admin);
    expect([again.status, again.body.code]).toEqual([409, 'delivery-not-parked']);
    const unknown = await retry(admin, '0195d5a4-0000-7000-8000-000000000009');
    expect(unknown.status).toBe(404);
    const bad = await retry(admin, 'not-a-uuid');
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringContaining('id')]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsTo(employee.email, mailpit.url)).toHaveLength(1);
  });

  it('keeps each inbox to its user: unread count, mark read, mark all read', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Grace', 'Hopper');
    const employee = await facts.employee('Alan', 'Turing', manager.employeeId);
    await directoryCaughtUp(suite.service, tenant);
    await facts.leave('approved', employee, manager);
    await facts.leave('rejected', employee, manager);
    await facts.leave('requested', employee, manager);

    const mine = await suite.service.issuer.mint({ tenant, userId: employee.userId, roles: [] });
    const theirs = await suite.service.issuer.mint({ tenant, userId: manager.userId, roles: [] });
    const stranger = await suite.service.issuer.mint({
      tenant: uniqueTenant('other'),
      userId: employee.userId,
      roles: [],
    });
    let inbox = await inboxOf(suite.service, tenant, employee.userId);
    for (const deadline = Date.now() + 30_000; inbox.total < 2 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      inbox = await inboxOf(suite.service, tenant, employee.userId);
    }
    expect(inbox).toMatchObject({ total: 2, unread: 2 });
    const [first, second] = inbox.items;

    expect((await suite.service.call('GET', '/inbox/unread-count', { token: mine })).body).toEqual({ unread: 2 });
    expect((await suite.service.call('POST', `/inbox/${first.itemId}/read`, { token: theirs })).status).toBe(404);
    expect((await suite.service.call('POST', `/inbox/${first.itemId}/read`, { token: stranger })).status).toBe(404);
    expect((await suite.service.call('GET', '/inbox', { token: stranger })).body).toMatchObject({
      total: 0,
      unread: 0,
    });
    const read = await suite.service.call('POST', `/inbox/${first.itemId}/read`, { token: mine });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ itemId: first.itemId, readAt: expect.any(String) });
    expect((await suite.service.call('GET', '/inbox/unread-count', { token: mine })).body).toEqual({ unread: 1 });
    const unreadOnly = await suite.service.call('GET', '/inbox?unread=true', { token: mine });
    expect(unreadOnly.body).toMatchObject({ total: 1, unread: 1, items: [{ itemId: second.itemId, readAt: null }] });

    expect((await suite.service.call('POST', '/inbox/read-all', { token: mine })).body).toEqual({ marked: 1 });
    expect((await suite.service.call('GET', '/inbox/unread-count', { token: mine })).body).toEqual({ unread: 0 });
    // The manager's own entry (the request) is still unread.
    expect((await suite.service.call('GET', '/inbox/unread-count', { token: theirs })).body).toEqual({ unread: 1 });

    const bad = {
      unread: await suite.service.call('GET', '/inbox?unread=maybe', { token: mine }),
      limit: await suite.service.call('GET', '/inbox?limit=0', { token: mine }),
      id: await suite.service.call('POST', '/inbox/nope/read', { token: mine }),
      anonymous: await suite.service.call('GET', '/inbox'),
    };
    expect(Object.values(bad).map((r) => r.status)).toEqual([400, 400, 400, 401]);
    expect(JSON.stringify(bad.unread.body)).toContain('unread');
    expect(JSON.stringify(bad.limit.body)).toContain('limit');
  });
});
