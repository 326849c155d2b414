import { randomUUID } from 'node:crypto';
import { AvroSerde, policyGroup, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import { fixedClock, TenantId } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { KafkaMessage } from 'kafkajs';
import {
  caughtUp,
  createTestDatabase,
  eventually,
  readTopicUntil,
  listOf,
  stackEnv,
  TEST_FLEET,
  tenantEvents,
  testKafka,
  uniqueName,
} from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import type { AdminHarness } from './support/admin-harness';
import { expectStatus, SchoolSetup } from './support/school-setup';

const NOW = '2026-03-02T09:00:00.000Z';

/** HQ as Admin sees it: HQ's events in an outbox, published by the eventing relay with HQ's contracts. No HQ code runs. */
class HqStandIn {
  private relay?: Relay;
  private versions = new Map<string, number>();

  private constructor(
    readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
  ) {}

  static async start() {
    const db = await createTestDatabase('hq-standin');
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    return new HqStandIn(db, store);
  }

  async record(tenant: string, aggregate: string, id: string, event: { type: string; data: unknown }) {
    const stream = streamId(TenantId.parse(tenant), aggregate, id);
    const version = this.versions.get(stream) ?? 0;
    await this.store.append(stream, TenantId.parse(tenant), [{ eventId: randomUUID(), ...event }], version);
    this.versions.set(stream, version + 1);
  }

  /** A relay under a new name starts from the outbox's first event: every event is published (again). */
  async publish() {
    await this.relay?.stop();
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), hq.contracts);
    await serde.registerAll();
    this.relay = new Relay({
      name: uniqueName('hq'),
      databaseUrl: this.db.url,
      kafka: testKafka('hq-stand-in'),
      serde,
      source: '/school/hq',
      fleet: TEST_FLEET,
    });
    this.relay.start();
  }

  async close() {
    await this.relay?.stop();
    await this.db.drop();
  }
}

type Row = Record<string, unknown>;

// Flow 4's HQ half: SchoolOpened and AcademicYearPublished open years in schools; YearRolledOver promotes.
describe('Admin follows HQ', () => {
  let service: AdminHarness;
  let hqOut: HqStandIn;
  const tenant = uniqueTenant('hq');
  const [thisYear, nextYear, termA, termB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const opened = (schoolId: string, code: string) =>
    hq.schoolOpened({
      schoolId,
      code,
      name: code,
      timeZone: 'Asia/Kolkata',
      principalUserId: null,
      openedBy: 'hq',
      openedAt: NOW,
    });
  const published = (yearId: string, name: string, startDate: string, endDate: string, termId: string) =>
    hq.academicYearPublished({
      yearId,
      name,
      startDate,
      endDate,
      terms: [{ termId, name: 'Term 1', startDate, endDate }],
      schoolIds: [],
      publishedBy: 'hq',
      publishedAt: NOW,
    });

  beforeAll(async () => {
    [service, hqOut] = await Promise.all([startAdmin(fixedClock(NOW)), HqStandIn.start()]);
  });
  afterAll(async () => {
    await hqOut?.close();
    await service?.close();
  });

  const events = (type: string) => tenantEvents(service, tenant, [type]);

  it('opens HQ’s years in every school, later schools too, and promotes a school’s groups on its rollover, once', async () => {
    const schoolA = await SchoolSetup.of(service, tenant);
    await hqOut.record(tenant, 'school', schoolA.schoolId, opened(schoolA.schoolId, 'NORTH'));
    await hqOut.record(
      tenant,
      'academic-year',
      thisYear,
      published(thisYear, '2026-27', '2026-04-01', '2027-03-31', termA),
    );
    await hqOut.record(
      tenant,
      'academic-year',
      nextYear,
      published(nextYear, '2027-28', '2027-04-01', '2028-03-31', termB),
    );
    await hqOut.publish();

    const yearsOf = async (school: SchoolSetup) => {
      let years: Row[] = [];
      await eventually(
        async () => {
          years = listOf<Row>(
            await service.call('GET', `/schools/${school.schoolId}/academic-years`, { token: school.token }),
          );
          return years.length === 2;
        },
        { what: `both of HQ's years in school ${school.schoolId}` },
      );
      return years;
    };
    const years = await yearsOf(schoolA);
    expect(years.map((y) => [y.name, y.templateId, (y.terms as Row[]).length])).toEqual([
      ['2026-27', thisYear, 1],
      ['2027-28', nextYear, 1],
    ]);
    // A school HQ opens later gets the years published to every school.
    const schoolB = await SchoolSetup.of(service, tenant);
    await hqOut.record(tenant, 'school', schoolB.schoolId, opened(schoolB.schoolId, 'SOUTH'));
    await hqOut.publish();
    expect((await yearsOf(schoolB)).map((y) => y.templateId)).toEqual([thisYear, nextYear]);

    // School A's year: 5 A (two students), 6 A (one: the highest grade), and one student promoted by hand already.
    schoolA.yearId = String(years[0].yearId);
    const [fiveA, sixA] = [await schoolA.group('5', 'A', 30), await schoolA.group('6', 'A', 30)];
    const [asha, ravi, kiran] = [
      await schoolA.admit('N-1', 'Asha'),
      await schoolA.admit('N-2', 'Ravi'),
      await schoolA.admit('N-3', 'Kiran'),
    ];
    expectStatus(await schoolA.enrol(asha, fiveA, 3), 204);
    expectStatus(await schoolA.enrol(ravi, fiveA, 4), 204);
    expectStatus(await schoolA.enrol(kiran, sixA, 1), 204);
    const lastWrite = schoolA.lastWrite;
    await schoolA.readAfter(lastWrite, `/groups/${fiveA}`);
    await eventually(
      async () => listOf(await service.call('GET', `/groups/${fiveA}/students`, { token: schoolA.token })).length === 2,
      {
        what: 'the group list of 5 A',
      },
    );

    // As if a rollover had stopped halfway: Ravi was already moved into the next year (6 B) by hand.
    const next = new SchoolSetup(service, schoolA.token, schoolA.schoolId);
    next.yearId = String(years[1].yearId);
    const sixB = await next.group('6', 'B', 30);
    await schoolA.post(`/students/${ravi}/promotion`, { toYearId: next.yearId, toGroupId: sixB, rollNumber: 9 }, 204);

    await hqOut.record(
      tenant,
      'school',
      schoolA.schoolId,
      hq.yearRolledOver({
        schoolId: schoolA.schoolId,
        fromYearId: thisYear,
        toYearId: nextYear,
        rolledOverBy: 'hq',
        rolledOverAt: NOW,
      }),
    );
    await hqOut.publish();
    await eventually(async () => (await events('StudentPromoted')) === 2 && (await events('StudentWithdrawn')) === 1, {
      what: 'two promotions and one graduation',
    });
    // 6 A was created for 5 A's students; Ravi stayed where he was moved; Kiran (6, the highest grade) graduated.
    // The events are stored; the group list is a read model a moment behind them.
    let groupsNext: Row[] = [];
    await eventually(
      async () => {
        const reply = await service.call('GET', `/schools/${schoolA.schoolId}/groups?yearId=${next.yearId}`, {
          token: schoolA.token,
        });
        groupsNext = reply.body.items as Row[];
        return groupsNext.length === 2;
      },
      { what: '6 A beside 6 B' },
    );
    await eventually(
      async () =>
        listOf<Row>(await service.call('GET', `/groups/${sixB}/students`, { token: schoolA.token })).length === 1,
      { what: 'Ravi in 6 B' },
    );
    expect(groupsNext.map((g) => [g.grade, g.section, g.capacity])).toEqual([
      ['6', 'A', 30],
      ['6', 'B', 30],
    ]);
    const asRecorded = (id: string) =>
      service.call('GET', `/students/${id}`, { token: schoolA.token }).then((r) => r.body);
    await eventually(async () => (await asRecorded(asha)).yearId === years[1].yearId, { what: 'Asha in 2027-28' });
    expect(await asRecorded(asha)).toMatchObject({ status: 'enrolled', rollNumber: 3 });
    await eventually(async () => (await asRecorded(kiran)).status === 'withdrawn', { what: 'Kiran graduated' });

    // Every event again (a redelivery, a second run): nothing more is promoted or withdrawn.
    await hqOut.publish();
    // Not a fixed wait: every one of the tenant's HQ events is on its topic a second time, and
    // Admin's HQ policy has committed past the last of them; only then is "nothing more" a fact.
    const topics = ['hq.school.v1', 'hq.academic-year.v1'];
    const { rows: kept } = await hqOut.db.pool.query<{ aggregate: string; n: number }>(
      `select split_part(stream_id, '/', 2) as aggregate, count(*)::int as n
         from eventstore.events where tenant = $1 group by 1`,
      [tenant],
    );
    const ofTenant = (records: KafkaMessage[]) =>
      records.filter((r) => r.headers?.tenant?.toString() === tenant).length;
    for (const { aggregate, n } of kept) {
      await readTopicUntil(`hq.${aggregate}.v1`, (records) => ofTenant(records) >= 2 * n, { timeoutMs: 60_000 });
    }
    const hqPolicy = service.runtime.definition.policies?.find((p) => topics.every((t) => p.topics.includes(t)));
    if (!hqPolicy) throw new Error("no policy reads HQ's topics");
    await caughtUp(policyGroup(hqPolicy), topics, { tenant });
    expect([
      await events('StudentPromoted'),
      await events('StudentWithdrawn'),
      await events('AcademicYearOpened'),
    ]).toEqual([2, 1, 4]);
  });
});
