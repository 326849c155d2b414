import { randomUUID } from 'node:crypto';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import { createTestDatabase, stackEnv, TEST_FLEET, testKafka, uniqueName } from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';

const NOW = '2030-04-01T04:00:00.000Z';

/**
 * Admin as Events sees it: Admin's events in an outbox of their own, published by the eventing
 * relay with Admin's contracts, each change written as Admin writes it (ADR 0041: the student's
 * event and the groups' events together). No Admin code runs.
 */
export class AdminStandIn {
  private constructor(
    private readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
    private readonly relay: Relay,
    readonly tenant: string,
  ) {}

  static async start(tenant: string) {
    const db = await createTestDatabase('admin-standin');
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), admin.contracts);
    await serde.registerAll();
    const relay = new Relay({
      name: uniqueName('admin'),
      databaseUrl: db.url,
      kafka: testKafka('admin-stand-in'),
      serde,
      source: '/school/admin',
      fleet: TEST_FLEET,
    });
    relay.start();
    return new AdminStandIn(db, store, relay, tenant);
  }

  /** Enrolled into a group with a roll number: StudentEnrolled and StudentAddedToGroup. */
  async enrol(student: Student, groupId: string, rollNumber: number) {
    const { studentId, schoolId, yearId, admissionNumber, firstName, lastName } = student;
    const enrolled = admin.studentEnrolled({
      ...{ studentId, schoolId, yearId, groupId, rollNumber, admissionNumber, firstName, lastName },
      birthDate: '2020-05-01',
      email: null,
      guardians: [{ name: 'Parent', relationship: 'mother', email: 'p@example.com', phone: null, primary: true }],
      enrolledOn: '2030-04-01',
      enrolledAt: NOW,
    });
    await this.record('student', studentId, enrolled);
    await this.added(student, groupId, rollNumber);
  }

  /** Moved to another group of the year: StudentGroupChanged, removed from one, added to the other. */
  async move(student: Student, fromGroupId: string, toGroupId: string, rollNumber: number) {
    const { studentId, schoolId, yearId } = student;
    const changed = admin.studentGroupChanged({
      ...{ studentId, schoolId, yearId, fromGroupId, toGroupId, rollNumber },
      changedAt: NOW,
    });
    await this.record('student', studentId, changed);
    await this.removed(student, fromGroupId, 'moved');
    await this.added(student, toGroupId, rollNumber);
  }

  /** Withdrawn from the school: StudentWithdrawn, and removed from their group. */
  async withdraw(student: Student, groupId: string) {
    const { studentId, schoolId, yearId } = student;
    const withdrawn = admin.studentWithdrawn({
      ...{ studentId, schoolId, yearId, groupId },
      reason: 'moved away',
      withdrawnOn: '2030-04-20',
      withdrawnAt: NOW,
    });
    await this.record('student', studentId, withdrawn);
    await this.removed(student, groupId, 'withdrawn');
  }

  async close() {
    await this.relay.stop();
    await this.db.drop();
  }

  private added(
    { studentId, schoolId, yearId, admissionNumber, firstName, lastName }: Student,
    groupId: string,
    rollNumber: number,
  ) {
    const event = admin.studentAddedToGroup({
      ...{ groupId, schoolId, yearId, studentId, rollNumber, admissionNumber, firstName, lastName },
      addedAt: NOW,
    });
    return this.record('group', groupId, event);
  }

  private removed({ studentId, schoolId, yearId }: Student, groupId: string, reason: string) {
    const event = admin.studentRemovedFromGroup({
      groupId,
      schoolId,
      yearId,
      studentId,
      rollNumber: 1,
      reason,
      removedAt: NOW,
    });
    return this.record('group', groupId, event);
  }

  private async record(aggregate: string, id: string, event: { type: string; data: unknown }) {
    const stream = streamId(TenantId.parse(this.tenant), aggregate, id);
    const version = (await this.store.readStream(stream)).length;
    await this.store.append(stream, TenantId.parse(this.tenant), [{ eventId: randomUUID(), ...event }], version);
  }
}

/** A student as Admin names them. */
export interface Student {
  studentId: string;
  schoolId: string;
  yearId: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
}
