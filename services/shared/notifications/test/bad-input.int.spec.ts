import { badInputCases, openApiOf, sendBadInputs, waitForMails } from '@hexfleet/testing';
import { FleetFacts } from './support/fleet-facts';
import { directoryCaughtUp, inboxOf, notificationsSuite } from './support/notifications-harness';

// Every endpoint in /openapi.json, each path id and query parameter broken in turn, answers 400
// problem+json naming the field, and changes nothing in the inbox or the deliveries.
describe('bad input on every Notifications endpoint', () => {
  const suite = notificationsSuite('bad');
  const { tenant } = suite;

  /** Both tables of the tenant, as one checksum each. */
  async function state() {
    const sums: string[] = [];
    for (const table of ['notification_inbox', 'notification_deliveries']) {
      const { rows } = await suite.service.db.pool.query<{ sum: string }>(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "tenant_${tenant}".${table} t`,
      );
      sums.push(rows[0].sum);
    }
    return sums;
  }

  it('answers every malformed request with a problem naming the field, and changes nothing', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Marie', 'Curie');
    const employee = await facts.employee('Ada', 'Lovelace', manager.employeeId);
    await directoryCaughtUp(suite.service, tenant);
    await facts.leave('approved', employee, manager);
    await waitForMails(employee.email);
    const [item] = (await inboxOf(suite.service, tenant, employee.userId)).items;

    // A real id at every spot but the broken one, so a request that slipped through would act.
    const token = await suite.service.issuer.mint({ tenant, userId: employee.userId, roles: ['tenant-admin'] });
    const openapi = openApiOf(await suite.service.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, { id: item.itemId });
    const before = await state();
    const { failures, statuses } = await sendBadInputs(cases, (c) =>
      suite.service.call(c.method, c.path, { token, body: c.body }),
    );
    console.log(
      `notifications: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect(await state()).toEqual(before);
    expect(inputless.sort()).toEqual(['GET /inbox/unread-count', 'POST /inbox/read-all']);
  });
});
