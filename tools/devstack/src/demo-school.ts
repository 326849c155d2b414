import { type Auth, call, expectStatus, type Json, waitFor, Written } from './demo-http';
import type { RunningFleet } from './fleet';

/** What the school seed needs of the signed-in group admin. */
export interface SchoolSeedContext {
  fleet: RunningFleet;
  auth: Auth;
  userId: string;
  displayName: string;
  /** Grants the admin these roles and signs in again, so the next calls carry them. */
  grantSelf(grants: Array<{ role: string; schoolId?: string }>): Promise<void>;
  /** Signs in someone the seed invited (a teacher), accepting their invitation on the first start. */
  signIn(email: string): Promise<Auth>;
}

const SCHOOLS = [
  { code: 'NORTH', name: 'Greenfield North', room: 'N' },
  { code: 'SOUTH', name: 'Greenfield South', room: 'S' },
];
const TIME_ZONE = 'Asia/Kolkata';
const SUBJECTS = [
  { code: 'MATH', name: 'Mathematics' },
  { code: 'ENG', name: 'English' },
  { code: 'SCI', name: 'Science' },
];
const SECTIONS = ['A', 'B'];
/** The group's policy: libraries lend by its loan rules, attendance marks with its codes. */
const GROUP_POLICY = {
  loanRules: {
    loanPeriodDays: 14,
    maxLoans: 5,
    maxRenewals: 2,
    maxHolds: 3,
    fineRatePerDayMinor: 100,
    currency: 'INR',
    graceDays: 2,
    fineCapMinor: 5000,
  },
  attendanceCodes: [
    { code: 'P', label: 'Present', meaning: 'present' },
    { code: 'L', label: 'Late', meaning: 'late' },
    { code: 'A', label: 'Absent', meaning: 'absent' },
    { code: 'E', label: 'Excused', meaning: 'excused' },
    { code: 'LE', label: 'Left early', meaning: 'left-early' },
  ],
  absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 },
};
const GRADE = '5';
const STUDENTS_PER_GROUP = 12;
/** Each group's day: three lessons, the subjects in a different order per section so no teacher is in two rooms. */
const SLOTS = [
  ['09:00', '09:45'],
  ['10:00', '10:45'],
  ['11:00', '11:45'],
];
const FIRST_NAMES = ['Aarav', 'Diya', 'Ishaan', 'Meera', 'Kabir', 'Anaya', 'Vihaan', 'Saanvi', 'Arjun', 'Myra'];
const LAST_NAMES = ['Rao', 'Shah', 'Iyer', 'Das', 'Nair', 'Gupta', 'Mehta', 'Khan', 'Singh', 'Bose', 'Pillai'];
/** School days (Monday to Friday) before today whose registers the teachers have taken. */
const MARKED_DAYS = 3;
const TEACHERS = [
  ['Kiran', 'Shah'],
  ['Lee', 'Chen'],
  ['Maria', 'Diaz'],
];

type Row = Json;
const itemsOf = (body: Json) => (Array.isArray(body) ? body : ((body.items as Row[] | undefined) ?? [])) as Row[];

/** The academic year today falls in (June to March, as the demo group runs it), with its two terms. */
export function demoYear(today: Date) {
  const start = today.getUTCMonth() >= 5 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return {
    name: `${start}-${String((start + 1) % 100).padStart(2, '0')}`,
    startDate: `${start}-06-01`,
    endDate: `${start + 1}-03-31`,
    terms: [
      { name: 'Term 1', startDate: `${start}-06-01`, endDate: `${start}-10-31` },
      { name: 'Term 2', startDate: `${start}-11-01`, endDate: `${start + 1}-03-31` },
    ],
  };
}

/** A class of students as a school would export it from its old system: one row per student, a guardian each. */
export function demoClassCsv(schoolCode: string, section: string): string {
  const header =
    'admission_number,first_name,last_name,birth_date,grade,section,roll_number,guardian_name,guardian_relationship,guardian_email';
  const rows = Array.from({ length: STUDENTS_PER_GROUP }, (_, i) => {
    const n = SECTIONS.indexOf(section) * STUDENTS_PER_GROUP + i;
    const first = FIRST_NAMES[n % FIRST_NAMES.length];
    const last = LAST_NAMES[(n * 7) % LAST_NAMES.length];
    const admission = `${schoolCode}-${String(n + 1).padStart(3, '0')}`;
    const birth = `2016-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
    const parent = `parent.${admission.toLowerCase()}@greenfield.test`;
    return [
      admission,
      first,
      last,
      birth,
      GRADE,
      section,
      i + 1,
      `${FIRST_NAMES[(n + 3) % 10]} ${last}`,
      'mother',
      parent,
    ];
  });
  return [header, ...rows.map((cells) => cells.join(','))].join('\n') + '\n';
}

/**
 * The school group's demo, through the services a group admin uses: HQ opens two
 * schools, sets the group's policy (loan rules, attendance codes) and publishes the
 * academic year (Admin opens it in both from HQ's events);
 * Admin gets two classes per school from a CSV import, three subjects with their
 * teachers, and a weekly timetable for the current term; the teachers then take
 * their registers of the last few school days (Attendance). Every step finds what an
 * earlier start made before creating it, so a restart adds nothing.
 */
export async function seedSchoolStructure(
  context: SchoolSeedContext,
): Promise<Array<{ schoolId: string; code: string }>> {
  const { hq, admin, identity } = {
    hq: context.fleet.urls.HQ_URL,
    admin: context.fleet.urls.ADMIN_URL,
    identity: context.fleet.urls.IDENTITY_URL,
  };
  if (!hq || !admin || !identity) return [];
  const { auth } = context;

  await context.grantSelf([{ role: 'hq-admin' }]);
  const schools: Array<{ schoolId: string; code: string; room: string }> = [];
  for (const school of SCHOOLS) {
    const listed = itemsOf(
      expectStatus(await call(`${hq}/schools?limit=200`, 'GET', undefined, auth()), [200], 'listing schools'),
    );
    let schoolId = listed.find((s) => s.code === school.code)?.schoolId as string | undefined;
    if (!schoolId) {
      const body = { code: school.code, name: school.name, timeZone: TIME_ZONE, principalUserId: context.userId };
      const opened = await call(`${hq}/schools`, 'POST', body, auth(`demo-school-${school.code}`));
      schoolId = String(expectStatus(opened, [201], `opening ${school.name}`).schoolId);
    }
    schools.push({ schoolId, code: school.code, room: school.room });
  }
  await context.grantSelf(schools.map(({ schoolId }) => ({ role: 'school-admin', schoolId })));
  if ((await call(`${hq}/group-policy`, 'GET', undefined, auth())).status === 404)
    expectStatus(await call(`${hq}/group-policy`, 'PUT', GROUP_POLICY, auth()), [200], 'the group policy');

  const year = demoYear(new Date());
  const published = itemsOf(
    expectStatus(await call(`${hq}/academic-years`, 'GET', undefined, auth()), [200], 'HQ years'),
  );
  if (!published.some((y) => y.name === year.name))
    expectStatus(
      await call(`${hq}/academic-years`, 'POST', year, auth(`demo-year-${year.name}`)),
      [201],
      `publishing ${year.name}`,
    );

  for (const school of schools) await seedSchool(context, admin, identity, school, year);
  return schools.map(({ schoolId, code }) => ({ schoolId, code }));
}

async function seedSchool(
  context: SchoolSeedContext,
  admin: string,
  identity: string,
  school: { schoolId: string; code: string; room: string },
  year: ReturnType<typeof demoYear>,
) {
  const { auth } = context;
  const at = `${admin}/schools/${school.schoolId}`;
  // HQ's AcademicYearPublished reaches Admin over Kafka: the year opens there a moment later.
  const opened = await waitFor(`${year.name} opening in ${school.code}`, async () => {
    const years = itemsOf(expectStatus(await call(`${at}/academic-years`, 'GET', undefined, auth()), [200], 'years'));
    return years.find((y) => y.name === year.name);
  });
  const yearId = String(opened.yearId);
  const today = new Date().toISOString().slice(0, 10);
  const terms = opened.terms as Row[];
  const term = terms.find((t) => String(t.startDate) <= today && today <= String(t.endDate)) ?? terms[0];

  const written = new Written();
  const subjects = new Map<string, string>();
  const defined = itemsOf(expectStatus(await call(`${at}/subjects`, 'GET', undefined, auth()), [200], 'subjects'));
  for (const subject of SUBJECTS) {
    let subjectId = defined.find((s) => s.code === subject.code)?.subjectId as string | undefined;
    if (!subjectId) {
      const reply = await call(`${at}/subjects`, 'POST', subject, auth(`demo-subject-${school.code}-${subject.code}`));
      subjectId = String(expectStatus(reply, [201], `defining ${subject.name}`).subjectId);
      written.add(reply);
    }
    subjects.set(subject.code, subjectId);
  }

  const groups = new Map<string, string>();
  const listed = itemsOf(
    expectStatus(await call(`${at}/groups?yearId=${yearId}&limit=200`, 'GET', undefined, auth()), [200], 'groups'),
  );
  for (const section of SECTIONS) {
    let groupId = listed.find((g) => g.grade === GRADE && g.section === section)?.groupId as string | undefined;
    if (!groupId) {
      const body = { yearId, grade: GRADE, section, capacity: 40 };
      const reply = await call(`${at}/groups`, 'POST', body, auth(`demo-group-${school.code}-${year.name}-${section}`));
      groupId = String(expectStatus(reply, [201], `creating group ${GRADE}-${section}`).groupId);
      written.add(reply);
    }
    groups.set(section, groupId);
  }
  await written.visibleAt(`${at}/groups?yearId=${yearId}`, auth(), `the groups of ${school.code}`);

  for (const section of SECTIONS) await importClass(context, admin, school, yearId, year.startDate, section);

  const teachers = await inviteTeachers(context, identity, school);
  for (const [s, section] of SECTIONS.entries()) {
    const groupId = groups.get(section) as string;
    const group = expectStatus(await call(`${admin}/groups/${groupId}`, 'GET', undefined, auth()), [200], 'group');
    const assigned = (group.teachers as Row[]) ?? [];
    const timetable = itemsOf(
      expectStatus(
        await call(`${at}/terms/${term.termId}/sessions`, 'GET', undefined, auth()),
        [200],
        'the term’s sessions',
      ),
    );
    for (const [t, subject] of SUBJECTS.entries()) {
      const teacher = teachers[t];
      const subjectId = subjects.get(subject.code) as string;
      if (!assigned.some((a) => a.subjectId === subjectId)) {
        const body = {
          subjectId,
          teacherUserId: teacher.userId,
          teacherName: teacher.name,
          teacherEmail: teacher.email,
        };
        const reply = await call(
          `${admin}/groups/${groupId}/teachers`,
          'POST',
          body,
          auth(`demo-teach-${groupId}-${t}`),
        );
        expectStatus(reply, [200, 201, 204], `assigning ${teacher.name} to ${subject.name}`);
      }
      if (timetable.some((l) => l.groupId === groupId && l.subjectId === subjectId && !l.cancelled)) continue;
      // Section A has the subjects in order, section B one slot later each: a teacher is never in two rooms.
      const [startTime, endTime] = SLOTS[(t + s) % SLOTS.length];
      const lesson = {
        groupId,
        subjectId,
        teacherUserId: teacher.userId,
        room: `${school.room}-10${s + 1}`,
        firstDate: term.startDate,
        lastDate: term.endDate,
        weekdays: [1, 2, 3, 4, 5],
        startTime,
        endTime,
      };
      const reply = await call(
        `${at}/terms/${term.termId}/sessions`,
        'POST',
        lesson,
        auth(`demo-session-${groupId}-${subject.code}`),
      );
      expectStatus(reply, [201], `scheduling ${subject.name} for ${GRADE}-${section}`);
    }
  }
  const attendance = context.fleet.urls.ATTENDANCE_URL;
  if (attendance) await takeRegisters(context, attendance, school, term, teachers);
}

/** The last `MARKED_DAYS` weekdays before today that fall in the term, oldest first. */
export function markedDays(today: string, term: { startDate: string; endDate: string }): string[] {
  const days: string[] = [];
  for (let back = 1; days.length < MARKED_DAYS && back <= 14; back++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && term.startDate <= date && date <= term.endDate)
      days.unshift(date);
  }
  return days;
}

/**
 * Each teacher signs in and takes the registers of their lessons of the last school days, as a
 * teacher does: "all present", then the exceptions. Each day one student per class is away all day
 * and another is late to the first lesson, so the reports and HQ's dashboard have something to show.
 * A register already taken (a restart) is left as it is.
 */
async function takeRegisters(
  context: SchoolSeedContext,
  attendance: string,
  school: { schoolId: string; code: string },
  term: Row,
  teachers: Array<{ userId: string; name: string; email: string }>,
) {
  const today = new Date().toISOString().slice(0, 10);
  const days = markedDays(today, { startDate: String(term.startDate), endDate: String(term.endDate) });
  for (const [t, teacher] of teachers.entries()) {
    const auth = await context.signIn(teacher.email);
    for (const [d, date] of days.entries()) {
      // Admin's timetable and group members reach Attendance over Kafka: the lessons appear a moment later.
      const lessons = await waitFor(`${teacher.name}’s lessons on ${date} in ${school.code}`, async () => {
        const reply = await call(`${attendance}/registers?date=${date}`, 'GET', undefined, auth());
        const rows = itemsOf(expectStatus(reply, [200], 'a teacher’s day'));
        return rows.length >= SECTIONS.length ? rows : undefined;
      });
      for (const lesson of lessons) {
        if (lesson.status !== 'open') continue;
        const at = `${attendance}/sessions/${lesson.sessionId}/registers/${date}`;
        const register = await waitFor(`the class list of ${teacher.name}’s lesson on ${date}`, async () => {
          const body = expectStatus(await call(at, 'GET', undefined, auth()), [200], 'a register');
          return (body.lines as Row[]).length >= STUDENTS_PER_GROUP ? body : undefined;
        });
        const lines = register.lines as Row[];
        // The same students in every lesson of the class that day, whoever teaches it.
        const seed = [...String(lesson.groupId)].reduce((n, c) => n + c.charCodeAt(0), 0);
        const roll = (offset: number) => ((seed + d * 5 + offset) % STUDENTS_PER_GROUP) + 1;
        const studentAt = (n: number) => String(lines.find((l) => Number(l.rollNumber) === n)?.studentId);
        const marks = [{ studentId: studentAt(roll(0)), code: 'A' }];
        if (lesson.startTime === SLOTS[0][0]) marks.push({ studentId: studentAt(roll(1)), code: 'L' });
        const reply = await call(
          `${at}/marks`,
          'POST',
          { allPresent: true, marks },
          auth(`demo-register-${lesson.sessionId}-${date}-${t}`),
        );
        expectStatus(reply, [200, 409], `${teacher.name} taking the register of ${date}`);
      }
    }
  }
}

/** One class's CSV through Admin's import, waited for: every row admitted, or the seed stops with the import's errors. */
async function importClass(
  context: SchoolSeedContext,
  admin: string,
  school: { schoolId: string; code: string },
  yearId: string,
  enrolledOn: string,
  section: string,
) {
  const query = new URLSearchParams({ yearId, enrolledOn, fileName: `grade-${GRADE}${section}.csv` });
  const started = await call(
    `${admin}/schools/${school.schoolId}/student-imports?${query}`,
    'POST',
    demoClassCsv(school.code, section),
    { ...context.auth(`demo-import-${school.code}-${yearId}-${section}`), 'content-type': 'text/csv' },
  );
  const { importId } = expectStatus(started, [200, 201, 202], `importing ${GRADE}-${section} of ${school.code}`);
  const done = await waitFor(`the import of ${GRADE}-${section} in ${school.code}`, async () => {
    const reply = await call(`${admin}/student-imports/${importId}`, 'GET', undefined, context.auth());
    if (reply.status === 404) return undefined; // its read model has not seen it yet
    const report = expectStatus(reply, [200], 'the import report');
    return report.status === 'completed' ? report : undefined;
  });
  if (Number(done.refused) > 0) throw new Error(`demo data: the import refused rows: ${JSON.stringify(done.errors)}`);
}

/** Three teachers per school, invited through identity (their mails wait in the dev mailbox); found again on a restart. */
async function inviteTeachers(
  context: SchoolSeedContext,
  identity: string,
  school: { schoolId: string; code: string },
) {
  const teachers: Array<{ userId: string; name: string; email: string }> = [];
  for (const [first, last] of TEACHERS) {
    const email = `${first}.${last}.${school.code}@greenfield.test`.toLowerCase();
    const name = `${first} ${last}`;
    const known = itemsOf(
      expectStatus(
        await call(`${identity}/users?q=${encodeURIComponent(email)}`, 'GET', undefined, context.auth()),
        [200],
        'the users directory',
      ),
    ).find((u) => u.email === email);
    let userId = known?.userId as string | undefined;
    if (!userId) {
      const body = { email, displayName: name, grants: [{ role: 'teacher', schoolId: school.schoolId }] };
      const invited = await call(`${identity}/users/invitations`, 'POST', body, context.auth(`demo-teacher-${email}`));
      userId = String(expectStatus(invited, [201], `inviting ${name}`).userId);
    }
    teachers.push({ userId, name, email });
  }
  return teachers;
}
