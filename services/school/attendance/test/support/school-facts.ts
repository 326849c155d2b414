import { randomUUID } from 'node:crypto';
import { admin, events, hq } from '@hexfleet/schemas';
import { OutboxStandIn } from '@hexfleet/testing';
import type { AttendanceHarness } from './attendance-harness';

/** Monday 30 November 2026: the session runs on Mondays and Wednesdays. */
export const MONDAY = '2026-11-30';
export const WEDNESDAY = '2026-12-02';
export const AT_NINE = (date: string) => `${date}T09:00:00.000Z`;

/**
 * One school as Admin, HQ and Events tell attendance about it, through stand-in outboxes
 * publishing their own contracts: a group of three with a Monday/Wednesday maths session.
 */
export class SchoolFacts {
  readonly schoolId = randomUUID();
  readonly groupId = randomUUID();
  readonly termId = randomUUID();
  readonly sessionId = randomUUID();
  readonly teacherId = randomUUID();
  readonly students = [randomUUID(), randomUUID(), randomUUID()];

  private constructor(
    readonly tenant: string,
    readonly admin: OutboxStandIn,
    readonly hq: OutboxStandIn,
    readonly events: OutboxStandIn,
  ) {}

  static async start(tenant: string): Promise<SchoolFacts> {
    const [a, h, e] = await Promise.all([
      OutboxStandIn.start('admin', '/school/admin', admin.contracts),
      OutboxStandIn.start('hq', '/school/hq', hq.contracts),
      OutboxStandIn.start('events', '/school/events', events.contracts),
    ]);
    await Promise.all([a.publish(), h.publish(), e.publish()]);
    return new SchoolFacts(tenant, a, h, e);
  }

  async close() {
    await Promise.all([this.admin.close(), this.hq.close(), this.events.close()]);
  }

  /** The school opened (UTC), the session scheduled, the three students in the group since 1 November. */
  async setUp(): Promise<void> {
    const { tenant, schoolId, groupId } = this;
    await this.hq.record(
      tenant,
      'school',
      schoolId,
      hq.schoolOpened({
        schoolId,
        code: 'NORTH',
        name: 'North',
        timeZone: 'UTC',
        principalUserId: null,
        openedBy: 'hq',
        openedAt: '2026-04-01T00:00:00.000Z',
      }),
    );
    await this.admin.record(
      tenant,
      'timetable',
      this.termId,
      admin.classSessionScheduled({
        sessionId: this.sessionId,
        termId: this.termId,
        schoolId,
        yearId: randomUUID(),
        groupId,
        subjectId: randomUUID(),
        subjectName: 'Mathematics',
        teacherUserId: this.teacherId,
        room: 'R-101',
        firstDate: '2026-11-02',
        lastDate: '2027-03-31',
        weekdays: [1, 3],
        startTime: '09:00',
        endTime: '09:45',
        scheduledAt: '2026-10-20T10:00:00.000Z',
      }),
    );
    for (const [i, studentId] of this.students.entries()) {
      await this.admin.record(
        tenant,
        'group',
        groupId,
        admin.studentAddedToGroup({
          groupId,
          schoolId,
          yearId: randomUUID(),
          studentId,
          rollNumber: i + 1,
          admissionNumber: `A-${i + 1}`,
          firstName: `Student${i + 1}`,
          lastName: 'Rao',
          addedAt: '2026-11-01T08:00:00.000Z',
        }),
      );
    }
  }

  /** HQ publishes the group's policy: its attendance areas as given, loan rules attendance does not read. */
  publishGroupPolicy(
    policy: Pick<hq.GroupPolicyPublishedData, 'attendanceCodes' | 'absenceThresholds'> &
      Partial<hq.GroupPolicyPublishedData>,
  ) {
    return this.hq.record(
      this.tenant,
      'group-policy',
      'group',
      hq.groupPolicyPublished({
        policyVersion: 1,
        loanRules: {
          loanPeriodDays: 14,
          maxLoans: 3,
          maxRenewals: 1,
          maxHolds: 2,
          fineRatePerDayMinor: 0,
          currency: 'INR',
          graceDays: 0,
          fineCapMinor: null,
        },
        publishedBy: 'hq',
        publishedAt: '2026-10-01T00:00:00.000Z',
        ...policy,
      }),
    );
  }

  /** A teacher of the school, as identity's token says it. */
  teacher(service: AttendanceHarness, userId = this.teacherId, schoolId = this.schoolId): Promise<string> {
    return service.issuer.mint({
      tenant: this.tenant,
      userId,
      roles: ['teacher'],
      grants: [{ role: 'teacher', scopeType: 'school', scopeId: schoolId }],
    });
  }

  registerPath(date: string, what = ''): string {
    return `/sessions/${this.sessionId}/registers/${date}${what}`;
  }
}
