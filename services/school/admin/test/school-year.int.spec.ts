import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { listOf } from '@hexfleet/testing';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import type { AdminHarness } from './support/admin-harness';
import { expectStatus, SchoolSetup } from './support/school-setup';

const TEACHER = randomUUID();
type Row = Record<string, unknown>;

// A school year over HTTP, on the real stack: setup, admission, enrolment into groups with
// their rules, the group lists, and a timetable read by group, teacher and room.
describe('a school year in Admin', () => {
  let service: AdminHarness;
  let school: SchoolSetup;
  const tenant = uniqueTenant('year');

  beforeAll(async () => {
    service = await startAdmin(fixedClock('2026-03-02T09:00:00.000Z'));
    school = await (await SchoolSetup.of(service, tenant)).calendar();
  });
  afterAll(() => service?.close());

  it('lists the year with its term, refuses an overlapping year and a term outside its year', async () => {
    const years = await school.readAfter(school.lastWrite, `/schools/${school.schoolId}/academic-years`);
    expect(listOf(years)).toEqual([
      expect.objectContaining({
        yearId: school.yearId,
        name: '2026-27',
        terms: [expect.objectContaining({ termId: school.termId, startDate: '2026-04-01', endDate: '2026-09-30' })],
      }),
    ]);
    const path = `/schools/${school.schoolId}/academic-years`;
    const overlap = await service.call('POST', path, {
      token: school.token,
      body: { name: 'Other', startDate: '2027-01-01', endDate: '2027-12-31' },
    });
    const outside = await service.call('POST', `${path}/${school.yearId}/terms`, {
      token: school.token,
      body: { name: 'Term 3', startDate: '2027-01-01', endDate: '2027-04-30' },
    });
    expect([overlap.status, overlap.body.code, outside.status, outside.body.code]).toEqual([
      409,
      'academic-years-overlap',
      422,
      'term-outside-year',
    ]);
  });

  it('enrols students into a group up to its capacity, with unique roll numbers, and lists them', async () => {
    const groupId = await school.group('5', 'B', 2);
    const [meera, arjun, kavya] = [
      await school.admit('ADM-001', 'Meera'),
      await school.admit('ADM-002', 'Arjun'),
      await school.admit('ADM-003', 'Kavya'),
    ];
    const kavyaAdmitted = school.lastWrite;
    expectStatus(await school.enrol(meera, groupId, 7), 204);
    const taken = await school.enrol(arjun, groupId, 7);
    expect([taken.status, taken.body.code]).toEqual([409, 'roll-number-taken']);
    const second = expectStatus(await school.enrol(arjun, groupId), 204);
    const full = await school.enrol(kavya, groupId);
    expect([full.status, full.body.code, full.body.capacity]).toEqual([409, 'group-full', 2]);
    // A refused enrolment wrote nothing: Kavya is still only admitted, and can be enrolled elsewhere.
    expect((await school.readAfter(kavyaAdmitted, `/students/${kavya}`)).body.status).toBe('admitted');

    const list = await school.readAfter(second, `/groups/${groupId}/students`);
    expect(listOf<Row>(list).map((m) => [m.rollNumber, m.firstName])).toEqual([
      [7, 'Meera'],
      [8, 'Arjun'],
    ]);
    const group = await school.readAfter(second, `/groups/${groupId}`);
    expect(group.body).toMatchObject({ name: 'Grade 5 B', capacity: 2, members: 2 });

    // A second creation of 5 B in the year is the same group: refused.
    const again = await service.call('POST', `/schools/${school.schoolId}/groups`, {
      token: school.token,
      body: { yearId: school.yearId, grade: '5', section: 'b', capacity: 30 },
    });
    expect([again.status, again.body.code]).toEqual([409, 'group-already-exists']);
  });

  it('moves and withdraws students: the lists follow, a withdrawn student joins no group', async () => {
    const [a, b] = [await school.group('6', 'A'), await school.group('6', 'B')];
    const [ravi, sita] = [await school.admit('ADM-101', 'Ravi'), await school.admit('ADM-102', 'Sita')];
    expectStatus(await school.enrol(ravi, a), 204);
    expectStatus(await school.enrol(sita, null), 204);
    const placed = await school.post(`/groups/${b}/students`, { studentId: sita, rollNumber: 3 }, 204);
    const moved = await school.post(`/groups/${b}/students`, { studentId: ravi }, 204);
    expect(listOf<Row>(await school.readAfter(moved, `/groups/${b}/students`)).map((m) => m.firstName)).toEqual([
      'Sita',
      'Ravi',
    ]);
    expect(listOf(await school.readAfter(placed, `/groups/${a}/students`))).toEqual([]);

    const withdrawn = await school.post(
      `/students/${sita}/withdrawal`,
      { reason: 'moved city', withdrawnOn: '2026-06-30' },
      204,
    );
    expect(listOf<Row>(await school.readAfter(withdrawn, `/groups/${b}/students`)).map((m) => m.firstName)).toEqual([
      'Ravi',
    ]);
    const record = await school.readAfter(withdrawn, `/students/${sita}`);
    expect(record.body).toMatchObject({ status: 'withdrawn', groupId: null, withdrawnOn: '2026-06-30' });
    const rejoin = await service.call('POST', `/groups/${a}/students`, {
      token: school.token,
      body: { studentId: sita },
    });
    expect([rejoin.status, rejoin.body.code]).toEqual([409, 'student-withdrawn']);
  });

  it('schedules a weekly session, refuses a clash, and shows the lessons by group, teacher and room', async () => {
    const groupId = await school.group('7', 'A');
    const other = await school.group('7', 'B');
    const math = await school.subject('MATH', 'Mathematics');
    await school.teach(groupId, math, TEACHER);
    await school.teach(other, math, randomUUID(), 'Other Teacher');
    const notAssigned = await school.schedule({
      groupId: other,
      subjectId: math,
      teacherUserId: TEACHER,
      room: 'R-1',
      firstDate: '2026-04-06',
      startTime: '09:00',
      endTime: '09:45',
    });
    expect([notAssigned.status, notAssigned.body.code]).toEqual([409, 'teacher-not-assigned']);

    const weekly = {
      groupId,
      subjectId: math,
      teacherUserId: TEACHER,
      room: 'R-101',
      startTime: '09:00',
      endTime: '09:45',
    };
    const scheduled = expectStatus(
      await school.schedule({ ...weekly, firstDate: '2026-04-06', lastDate: '2026-09-30', weekdays: [1, 3] }),
      201,
    );
    const clash = await school.schedule({
      ...weekly,
      room: 'r-101 ',
      firstDate: '2026-04-08',
      startTime: '09:30',
      endTime: '10:00',
    });
    expect([clash.status, clash.body.code, clash.body.date]).toEqual([409, 'group-double-booked', '2026-04-08']);

    const sessionId = String(scheduled.body.sessionId);
    const cancelled = await school.post(
      `/schools/${school.schoolId}/terms/${school.termId}/sessions/${sessionId}/cancellations`,
      { date: '2026-04-08', reason: 'sports day' },
      204,
    );
    const week = 'from=2026-04-06&to=2026-04-12';
    const byGroup = await school.readAfter(cancelled, `/groups/${groupId}/timetable?${week}`);
    expect(listOf<Row>(byGroup).map((l) => [l.date, l.startTime, l.room, l.cancelled])).toEqual([
      ['2026-04-06', '09:00', 'R-101', false],
      ['2026-04-08', '09:00', 'R-101', true],
    ]);
    const byTeacher = await school.readAfter(
      scheduled,
      `/schools/${school.schoolId}/teachers/${TEACHER}/timetable?${week}`,
    );
    const byRoom = await school.readAfter(scheduled, `/schools/${school.schoolId}/room-timetable?room=r-101&${week}`);
    expect([listOf(byTeacher).length, listOf(byRoom).length]).toEqual([2, 2]);
    const sessions = await school.readAfter(cancelled, `/schools/${school.schoolId}/terms/${school.termId}/sessions`);
    expect(listOf(sessions)).toEqual([
      expect.objectContaining({
        sessionId,
        weekdays: [1, 3],
        cancelledDates: ['2026-04-08'],
        subjectName: 'Mathematics',
      }),
    ]);
  });
});
