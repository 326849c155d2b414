import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { openSchool, outcomes, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

const move = (fromSchoolId: string, toSchoolId: string, effectiveDate = '2026-04-01') => ({
  fromSchoolId,
  toSchoolId,
  effectiveDate,
  reason: 'Family moved',
});

describe('student and staff transfers between the group’s schools', () => {
  let service: HqHarness;
  const tenant = uniqueTenant('move');
  let hq: string;
  let [a, b, c] = ['', '', ''];

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-03-02T09:00:00Z'));
    hq = await tokens(service, tenant).hq();
    [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map(async (name) => (await openSchool(service, hq, { name })).schoolId),
    );
  });
  afterAll(() => service?.close());

  it('moves a student, shows the new school where they are and the old one nothing', async () => {
    const student = randomUUID();
    const moved = await service.call('POST', `/students/${student}/transfers`, { token: hq, body: move(a, b) });
    expect([moved.status, moved.body.studentId]).toEqual([201, student]);
    const adminOfB = await tokens(service, tenant).at(b, 'school-admin');
    const home = await service.call('GET', `/students/${student}/home`, { token: adminOfB });
    expect(home.body).toEqual({
      studentId: student,
      homeSchoolId: b,
      since: '2026-04-01',
      transfers: [
        {
          transferId: moved.body.transferId,
          fromSchoolId: a,
          toSchoolId: b,
          effectiveDate: '2026-04-01',
          reason: 'Family moved',
          transferredAt: '2026-03-02T09:00:00.000Z',
        },
      ],
    });
    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    expect(
      outcomes({
        oldSchoolReads: await service.call('GET', `/students/${student}/home`, { token: adminOfA }),
        fromTheOldSchool: await service.call('POST', `/students/${student}/transfers`, { token: hq, body: move(a, c) }),
        backInTime: await service.call('POST', `/students/${student}/transfers`, {
          token: hq,
          body: move(b, c, '2026-03-01'),
        }),
        schoolAdminMoves: await service.call('POST', `/students/${student}/transfers`, {
          token: adminOfB,
          body: move(b, c, '2026-05-01'),
        }),
      }),
    ).toEqual({
      oldSchoolReads: [404, 'not-found'],
      fromTheOldSchool: [409, 'not-at-school'],
      backInTime: [409, 'transfer-before-last'],
      schoolAdminMoves: [403, 'forbidden'],
    });
  });

  it('keeps one home school under concurrency: of 10 racing transfers of one student, one wins', async () => {
    const student = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        service.call('POST', `/students/${student}/transfers`, { token: hq, body: move(a, i % 2 ? b : c) }),
      ),
    );
    const tally = replies.map((r) => `${r.status} ${r.status >= 400 ? String(r.body.code) : ''}`.trim()).sort();
    expect(tally).toEqual(['201', ...Array<string>(9).fill('409 not-at-school')]);
    const { rows } = await service.db.pool.query<{ n: string }>(
      `select count(*) as n from eventstore.events where tenant = $1 and event_type = 'StudentTransferred' and payload->>'studentId' = $2`,
      [tenant, student],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('moves staff with their school roles, and refuses a closed school or unknown roles', async () => {
    const teacher = randomUUID();
    const moved = await service.call('POST', `/staff/${teacher}/transfers`, {
      token: hq,
      body: { ...move(a, c), roles: ['teacher', 'librarian'] },
    });
    expect(moved.status).toBe(201);
    const placement = await service.call('GET', `/staff/${teacher}/placement`, {
      token: await tokens(service, tenant).at(c, 'teacher'),
    });
    expect(placement.body).toMatchObject({ userId: teacher, schoolId: c, roles: ['teacher', 'librarian'] });

    const closed = (await openSchool(service, hq, { name: 'Closing' })).schoolId;
    expect((await service.call('POST', `/schools/${closed}/close`, { token: hq, body: { reason: 'x' } })).status).toBe(
      200,
    );
    expect(
      outcomes({
        toClosed: await service.call('POST', `/staff/${teacher}/transfers`, {
          token: hq,
          body: { ...move(c, closed), roles: ['teacher'] },
        }),
        badRole: await service.call('POST', `/staff/${teacher}/transfers`, {
          token: hq,
          body: { ...move(c, a), roles: ['hq-admin'] },
        }),
        twice: await service.call('POST', `/staff/${teacher}/transfers`, {
          token: hq,
          body: { ...move(c, a), roles: ['teacher', 'teacher'] },
        }),
        unknownSchool: await service.call('POST', `/staff/${randomUUID()}/transfers`, {
          token: hq,
          body: { ...move(randomUUID(), a), roles: ['teacher'] },
        }),
      }),
    ).toEqual({
      toClosed: [409, 'school-not-open'],
      badRole: [400, 'validation-failed'],
      twice: [422, 'invalid-staff-roles'],
      unknownSchool: [422, 'school-not-in-group'],
    });
  });
});
