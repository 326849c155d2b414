import { randomUUID } from 'node:crypto';
import { AvroSerde, consumerLag, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { consumerGroups } from '@hexfleet/platform';
import { hrms } from '@hexfleet/schemas';
import { createTestDatabase, eventually, stackEnv, testKafka, uniqueName } from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';
import { decodeJwt } from 'jose';
import { expectStatus, Person, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';

/**
 * HRMS as identity sees it: events in an outbox, published by the eventing
 * relay to hrms.employee.v1 with HRMS's contracts. No HRMS code runs here.
 */
class HrmsStandIn {
  private relays: Relay[] = [];
  private readonly kafka = testKafka('hrms-stand-in');
  private constructor(
    readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
  ) {}

  static async start() {
    const db = await createTestDatabase('hrms-standin');
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    const standIn = new HrmsStandIn(db, store);
    return standIn;
  }

  async record(tenant: string, employeeId: string, event: { type: string; data: unknown }) {
    const stream = streamId(TenantId.parse(tenant), 'employee', employeeId);
    const version = (await this.store.readStream(stream)).length;
    await this.store.append(stream, TenantId.parse(tenant), [{ eventId: randomUUID(), ...event }], version);
  }

  /** A relay under a new name starts from the outbox's first event: every event is published again. */
  async publish(): Promise<void> {
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), hrms.contracts);
    await serde.registerAll();
    await this.stopPublishing();
    const relay = new Relay({
      name: uniqueName('hrms'),
      databaseUrl: this.db.url,
      kafka: this.kafka,
      serde,
      source: '/business/hrms',
    });
    relay.start();
    this.relays = [relay];
  }

  async stopPublishing() {
    await Promise.all(this.relays.map((r) => r.stop()));
    this.relays = [];
  }

  async close() {
    await this.stopPublishing();
    await this.db.drop();
  }
}

describe('identity reacts to HRMS', () => {
  let service: IdentityHarness;
  let hrmsOutbox: HrmsStandIn;

  beforeAll(async () => {
    service = await startIdentity({ HRMS_POLICIES: 'on' });
    hrmsOutbox = await HrmsStandIn.start();
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
