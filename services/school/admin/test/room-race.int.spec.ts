import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { listOf } from '@hexfleet/testing';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import type { AdminHarness } from './support/admin-harness';
import { SchoolSetup } from './support/school-setup';

// ADR 0040: the term's timetable stream decides who gets a room slot; a read model never does.
describe('one room slot under contention', () => {
  let service: AdminHarness;
  const tenant = uniqueTenant('room');

  beforeAll(async () => {
    service = await startAdmin(fixedClock('2026-03-02T09:00:00.000Z'));
  });
  afterAll(() => service?.close());

  it('50 groups, 50 teachers, one room at one time: exactly one session, 49 room-double-booked', async () => {
    const school = await (await SchoolSetup.of(service, tenant)).calendar();
    const math = await school.subject('MATH', 'Mathematics');
    const contenders: Array<{ groupId: string; teacherUserId: string }> = [];
    for (let i = 1; i <= 50; i++) {
      const groupId = await school.group(String(Math.ceil(i / 5)), `S${i}`);
      const teacherUserId = randomUUID();
      await school.teach(groupId, math, teacherUserId, `Teacher ${i}`);
      contenders.push({ groupId, teacherUserId });
    }

    // Every request wants R-7 on Mondays 10:00-10:45 for the term, spelt a little differently.
    const replies = await Promise.all(
      contenders.map(({ groupId, teacherUserId }, i) =>
        school.schedule({
          groupId,
          subjectId: math,
          teacherUserId,
          room: i % 2 ? 'R-7' : ' r-7',
          firstDate: '2026-04-06',
          lastDate: '2026-09-28',
          weekdays: [1],
          startTime: i % 3 ? '10:00' : '10:15',
          endTime: '10:45',
        }),
      ),
    );
    const tally = replies
      .map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.code}`))
      .reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
    console.log(`50 concurrent requests for one room slot: ${JSON.stringify(tally)}`);
    expect(tally).toEqual({ '201': 1, '409 room-double-booked': 49 });

    const { rows } = await service.db.pool.query<{ n: string }>(
      `select count(*) as n from eventstore.events where tenant = $1 and event_type = 'ClassSessionScheduled'`,
      [tenant],
    );
    expect(Number(rows[0].n)).toBe(1);
    const winner = replies.find((r) => r.status === 201);
    if (!winner) throw new Error('no winner');
    const sessions = await school.readAfter(winner, `/schools/${school.schoolId}/terms/${school.termId}/sessions`);
    expect(listOf(sessions)).toEqual([
      expect.objectContaining({ sessionId: winner.body.sessionId, room: expect.stringMatching(/^r-7$/i) }),
    ]);
  });
});
