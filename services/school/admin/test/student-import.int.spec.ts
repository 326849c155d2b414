import { fixedClock } from '@hexfleet/kernel';
import { eventually, listOf, tenantEvents } from '@hexfleet/testing';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import type { AdminHarness } from './support/admin-harness';
import { completed, csvRow, HEADER, upload } from './support/csv';
import { expectStatus, SchoolSetup } from './support/school-setup';

type Row = Record<string, unknown>;

// ADR 0042: the file is checked whole, then each row is one transaction; a refused row leaves
// nothing, the same file twice changes nothing, and a malformed file is refused before anything.
describe('bulk import of students from CSV', () => {
  let service: AdminHarness;
  let school: SchoolSetup;
  const tenant = uniqueTenant('imp');
  const events = (types?: string[]) => tenantEvents(service, tenant, types);

  beforeAll(async () => {
    service = await startAdmin(fixedClock('2026-03-02T09:00:00.000Z'));
    school = await (await SchoolSetup.of(service, tenant)).calendar();
  });
  afterAll(() => service?.close());

  it('imports the good rows, reports each bad one by line and column, and a re-import changes nothing', async () => {
    const [fiveA, fiveB] = [await school.group('5', 'A', 3), await school.group('5', 'B', 30)];
    const file = [
      HEADER,
      csvRow('IMP-1', '5', 'A', { roll_number: '4' }),
      csvRow('IMP-2', '5', 'A', { first_name: "=cmd|' /C calc'!A0" }),
      csvRow('IMP-3', '5', 'a'),
      csvRow('IMP-4', '5', 'A', { roll_number: '4' }),
      csvRow('IMP-5', '5', 'A', { first_name: 'Anu, "the quick"' }),
      csvRow('IMP-6', '5', 'A'),
      csvRow('IMP-7', '5', 'B', { guardian_email: '', guardian_phone: '' }),
      csvRow('IMP-8', '5', 'C'),
      csvRow('IMP-9', '5', 'B', { birth_date: '2016-02-30' }),
      csvRow('IMP-10', '5', 'B', { guardian_phone: '+91 98450 00010' }),
    ].join('\r\n');
    const query = { yearId: school.yearId, enrolledOn: '2026-04-01', fileName: 'grade-5.csv' };
    const started = expectStatus(await upload(service, school.token, school.schoolId, query, file), 202);
    expect(started.body.rows).toBe(10);
    const report = await completed(service, school.token, String(started.body.importId));
    expect(report.body).toMatchObject({
      fileName: 'grade-5.csv',
      rows: 10,
      processed: 10,
      admitted: 4,
      unchanged: 0,
      refused: 6,
    });
    const refused = (report.body.errors as Row[]).map((e) => [e.line, e.admissionNumber, e.field, e.code]);
    expect(refused).toEqual([
      [3, 'IMP-2', 'first_name', 'formula-like-text'],
      [5, 'IMP-4', 'roll_number', 'roll-number-taken'],
      [7, 'IMP-6', '', 'group-full'],
      [8, 'IMP-7', 'guardian_email', 'guardian-contact-required'],
      [9, 'IMP-8', 'section', 'group-not-found'],
      [10, 'IMP-9', 'birth_date', 'invalid-date'],
    ]);
    console.log(`import report: ${JSON.stringify((report.body.errors as Row[]).map((e) => e.message))}`);

    // Refused rows wrote nothing: no student of theirs exists.
    const { rows } = await service.db.pool.query<{ n: string }>(
      `select count(distinct stream_id) as n from eventstore.events where tenant = $1 and event_type = 'StudentAdmitted'`,
      [tenant],
    );
    expect(Number(rows[0].n)).toBe(4);
    // The group list follows the group topic: it shows them once its projection has caught up.
    let list: Row[] = [];
    await eventually(
      async () => {
        list = listOf<Row>(await service.call('GET', `/groups/${fiveA}/students`, { token: school.token }));
        return list.length === 3;
      },
      { what: 'three students on the list of 5 A' },
    );
    expect(list.map((m) => [m.rollNumber, m.firstName])).toEqual([
      [4, 'Student IMP-1'],
      [5, 'Student IMP-3'],
      [6, 'Anu, "the quick"'],
    ]);

    // The same file again: every good row is unchanged, the bad ones refused again; no student or group event.
    const before = await events(['StudentAdmitted', 'StudentEnrolled', 'StudentAddedToGroup']);
    const again = expectStatus(await upload(service, school.token, school.schoolId, query, file), 202);
    const second = await completed(service, school.token, String(again.body.importId));
    expect(second.body).toMatchObject({ processed: 10, admitted: 0, unchanged: 4, refused: 6 });
    expect(await events(['StudentAdmitted', 'StudentEnrolled', 'StudentAddedToGroup'])).toBe(before);
    void fiveB;
  });

  it('shows its progress while it runs, and ends with every row in its group', async () => {
    const sections = ['P', 'Q', 'R', 'S', 'T'];
    for (const section of sections) await school.group('9', section, 200);
    const rows = Array.from({ length: 1000 }, (_, i) => csvRow(`PRG-${i + 1}`, '9', sections[i % 5]));
    const query = { yearId: school.yearId, enrolledOn: '2026-04-01' };
    const startedAt = Date.now();
    const started = expectStatus(
      await upload(service, school.token, school.schoolId, query, [HEADER, ...rows].join('\n')),
      202,
    );
    const importId = String(started.body.importId);
    const seen = new Set<number>();
    for (let status = ''; status !== 'completed';) {
      const reply = await service.call('GET', `/student-imports/${importId}`, { token: school.token });
      if (reply.status === 200) {
        status = String(reply.body.status);
        seen.add(Number(reply.body.processed));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(
      `1000 rows imported in ${seconds.toFixed(1)} s (${Math.round(1000 / seconds)} rows/s); progress seen: ${[...seen].sort((a, b) => a - b).join(', ')}`,
    );
    expect([...seen].some((n) => n > 0 && n < 1000)).toBe(true);
    const { rows: progress } = await service.db.pool.query<{ n: string }>(
      `select count(*) as n from eventstore.events where stream_id = $1 and event_type = 'StudentImportProgressed'`,
      [`${tenant}/student-import/${importId}`],
    );
    expect(Number(progress[0].n)).toBeGreaterThanOrEqual(4);
    const report = await completed(service, school.token, importId);
    expect(report.body).toMatchObject({ processed: 1000, admitted: 1000, refused: 0, errors: [] });
  });

  it('refuses a malformed file whole, with a clear error, and writes nothing', async () => {
    const query = { yearId: school.yearId, enrolledOn: '2026-04-01' };
    const before = await events();
    const send = (file: string | Buffer) => upload(service, school.token, school.schoolId, query, file);
    const outcomes = {
      columns: await send(`${HEADER},shoe_size\r\n${csvRow('BAD-1', '5', 'A')},42`),
      missing: await send('admission_number,first_name\r\nBAD-2,Asha'),
      encoding: await send(Buffer.from(`${HEADER}\r\n${csvRow('BAD-3', '5', 'A', { first_name: 'Zoë' })}`, 'latin1')),
      quote: await send(`${HEADER}\r\n${csvRow('BAD-4', '5', 'A').replace('Student', '"Student')}`),
      cells: await send(`${HEADER}\r\nBAD-5,only,three`),
      empty: await send(`${HEADER}\r\n`),
      huge: await send(Buffer.alloc(50 * 1024 * 1024, `${csvRow('BAD-6', '5', 'A')}\n`)),
      json: await service.call(
        'POST',
        `/schools/${school.schoolId}/student-imports?yearId=${school.yearId}&enrolledOn=2026-04-01`,
        {
          token: school.token,
          body: { rows: [] },
        },
      ),
    };
    const seen = Object.fromEntries(Object.entries(outcomes).map(([k, r]) => [k, `${r.status} ${r.body.code}`]));
    console.log(`malformed files: ${JSON.stringify(seen)}`);
    expect(seen).toEqual({
      columns: '422 csv-unknown-columns',
      missing: '422 csv-missing-columns',
      encoding: '422 csv-not-utf8',
      quote: '422 csv-malformed',
      cells: '422 csv-malformed',
      empty: '422 import-empty',
      huge: '413 payload-too-large',
      json: '415 unsupported-media-type',
    });
    expect(outcomes.columns.body.columns).toEqual(['shoe_size']);
    expect(await events()).toBe(before);
  });
});
