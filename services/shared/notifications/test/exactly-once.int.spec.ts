import { TenantId } from '@hexfleet/kernel';
import { rebuildProjection } from '@hexfleet/eventing';
import { mailsTo, testKafka, waitForMails } from '@hexfleet/testing';
import { FleetFacts } from './support/fleet-facts';
import {
  deliveriesOf,
  directoryCaughtUp,
  inboxOf,
  readModelOf,
  notificationsSuite,
} from './support/notifications-harness';

// Exactly once per (event, recipient, channel): a replay of every event records no new delivery and sends nothing.
describe('a replay', () => {
  const suite = notificationsSuite('once');
  const { tenant } = suite;

  it('of the deliveries read model from offset 0 sends no mail twice and adds no inbox entry', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Marie', 'Curie');
    const employee = await facts.employee('Ada', 'Lovelace', manager.employeeId);
    await directoryCaughtUp(suite.service, tenant);
    await facts.leave('requested', employee, manager);
    await facts.leave('approved', employee, manager);
    await waitForMails(manager.email);
    await waitForMails(employee.email);
    const before = await deliveriesOf(suite.service, tenant);
    expect(before.items.map((d) => [d.kind, d.channel, d.status]).sort()).toEqual([
      ['leave-approved', 'email', 'sent'],
      ['leave-approved', 'in-app', 'sent'],
      ['leave-requested', 'email', 'sent'],
      ['leave-requested', 'in-app', 'sent'],
    ]);

    // The operator's rebuild: runner stopped, the read model's tables dropped, its topics replayed from offset 0.
    const projection = readModelOf(suite.service, 'deliveries');
    const runner = suite.service.runtime.projectionRunners.find((r) => r.group === `projection.${projection.name}`);
    await runner?.stop();
    const { applied } = await rebuildProjection({
      kafka: testKafka('notifications-rebuild'),
      pool: suite.service.runtime.pool,
      serde: suite.service.runtime.serde,
      projection,
      tenant: TenantId.parse(tenant),
    });
    await runner?.start();
    // The replay did apply both events again: the deliveries they name were already recorded.
    expect(applied).toBe(2);
    await suite.service.dispatcher.pass();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await suite.service.dispatcher.pass();

    expect(await deliveriesOf(suite.service, tenant)).toEqual(before);
    expect(await mailsTo(manager.email)).toHaveLength(1);
    expect(await mailsTo(employee.email)).toHaveLength(1);
    expect((await inboxOf(suite.service, tenant, manager.userId)).total).toBe(1);
    expect((await inboxOf(suite.service, tenant, employee.userId)).total).toBe(1);
  });
});
