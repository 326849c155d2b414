import { randomUUID } from 'node:crypto';
import { consumerLag } from '@hexfleet/eventing';
import { consumerGroups } from '@hexfleet/platform';
import { hrms } from '@hexfleet/schemas';
import { eventually, testKafka } from '@hexfleet/testing';
import { decodeJwt } from 'jose';
import { expectStatus, Person, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';
import { OutboxStandIn } from './support/outbox-stand-in';

describe('identity reacts to HRMS', () => {
  let service: IdentityHarness;
  /** HRMS as identity sees it: its events in an outbox, published with its contracts. No HRMS code runs. */
  let hrmsOutbox: OutboxStandIn;

  beforeAll(async () => {
    service = await startIdentity({ HRMS_POLICIES: 'on' });
    hrmsOutbox = await OutboxStandIn.start('hrms', hrms.contracts, '/business/hrms');
  });
  afterAll(async () => {
    await service?.close();
    await hrmsOutbox?.close();
  });

  it('invites a hired employee, deactivates a separated one, and a redelivered event acts once', async () => {
    const { tenant, adminToken } = await provisionTenant(service, 'business');
    const employeeId = randomUUID();
    const workEmail = `hire-${employeeId.slice(0, 8)}@${tenant}.example`;
    await hrmsOutbox.record(
      tenant,
      'employee',
      employeeId,
      hrms.employeeHired({
        employeeId,
        firstName: 'Ravi',
        lastName: 'Kumar',
        workEmail,
        joiningDate: '2026-12-01',
        department: 'Engineering',
        designation: 'Engineer',
        employmentType: 'full-time',
        hiredAt: new Date().toISOString(),
      }),
    );
    await hrmsOutbox.publish();

    const employee = new Person(service, tenant, workEmail);
    const invitation = await employee.lastMail('invitation');
    console.log(`EmployeeHired -> invitation mail to ${invitation.to}: "${invitation.text.split('\n')[0]}"`);
    const { accessToken } = await employee.signIn();
    const userId = String(decodeJwt(accessToken).sub);
    expect(decodeJwt(accessToken).roles).toEqual(['employee']);
    const account = expectStatus(await service.call('GET', `/users/${userId}`, { token: adminToken }), 200).body;
    expect(account).toMatchObject({ displayName: 'Ravi Kumar', status: 'active' });
    // Were the redelivered hire (published again below, before the separation) acted on again,
    // it would grant the role back.
    await hrmsOutbox.stopPublishing();
    const revoke = { token: adminToken, body: { role: 'employee' } };
    expectStatus(await service.call('DELETE', `/users/${userId}/grants`, revoke), 204);

    await hrmsOutbox.record(
      tenant,
      'employee',
      employeeId,
      hrms.employeeSeparated({ employeeId, relievingDate: '2027-01-31', separatedAt: new Date().toISOString() }),
    );
    await hrmsOutbox.publish(); // republishes the hire too: a redelivery
    await eventually(
      async () => (await service.call('GET', `/users/${userId}`, { token: adminToken })).body.status === 'deactivated',
      { what: 'the separated employee deactivated' },
    );
    const admin = testKafka('lag').admin();
    await admin.connect();
    const [{ groupId, topics }] = consumerGroups({ policies: service.runtime.definition.policies });
    await eventually(async () => (await consumerLag(admin, groupId, topics)) === 0, {
      what: 'the policy caught up with the redelivery',
    });
    await admin.disconnect();

    const login = await employee.login();
    const invitations = (await employee.mails()).filter((m) => m.purpose === 'invitation');
    const { rows } = await service.db.pool.query(
      `select event_type as type, count(*)::int as n from eventstore.events where stream_id = $1 group by event_type order by 1`,
      [`${tenant}/user/${userId}`],
    );
    console.log(
      `EmployeeSeparated -> login ${login.status}; after the hire was delivered twice: ${invitations.length} invitation mail, ` +
        `user stream ${JSON.stringify(rows)}`,
    );
    expect(login.status).toBe(401);
    expect(invitations).toHaveLength(1);
    expect(rows.find((r) => r.type === 'UserRegistered')?.n).toBe(1);
    expect(rows.find((r) => r.type === 'RoleGranted')?.n).toBe(1);
  });
});
