import { randomUUID } from 'node:crypto';
import { callService } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { startProfiledService } from '../hrms';
import { seconds, sleep } from '../measure';
import type { ScenarioResult } from '../report';

/** Seats per group: the most a group holds (Admin's MAX_CAPACITY). */
const GROUP_SIZE = 200;
const HEADER =
  'admission_number,first_name,last_name,birth_date,gender,grade,section,guardian_name,guardian_relationship,guardian_email';

const ok = (reply: Reply, status: number, what: string) => {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply;
};

/** Rows of a school's first import: names, a birthday, a grade and section, one guardian with an email. */
function csv(rows: number): string {
  const lines = [HEADER];
  for (let n = 0; n < rows; n++) {
    const group = Math.floor(n / GROUP_SIZE);
    const grade = String(1 + (group % 12));
    const section = `S${Math.floor(group / 12) + 1}`;
    const day = String(1 + (n % 28)).padStart(2, '0');
    lines.push(
      `ADM-${n + 1},First${n},Last${n},2015-03-${day},${n % 2 ? 'male' : 'female'},${grade},${section},Guardian ${n},mother,guardian${n}@example.com`,
    );
  }
  return lines.join('\n');
}

/**
 * Scenario 8 (issue 16): a school's first CSV import through Admin's REST API, as deployed:
 * the upload answered, every row admitted, enrolled and seated (one transaction per chunk of
 * a group's rows), and every student visible in the group lists (the read models caught up).
 */
export async function adminImportScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const rows = ctx.sizes.importRows;
  const tenant = `i${ctx.run}`;
  const admin = await startProfiledService('services/school/admin', ctx.issuer, ctx.workDir);
  try {
    const schoolId = randomUUID();
    const grants = [{ role: 'school-admin', scopeType: 'school', scopeId: schoolId }];
    const token = await ctx.issuer.mint({ tenant, roles: ['school-admin'], grants });
    const call = (method: string, path: string, body?: unknown) =>
      callService(admin.url, method, path, { token, body });
    const school = `/schools/${schoolId}`;
    const year = ok(
      await call('POST', `${school}/academic-years`, {
        name: '2026-27',
        startDate: '2026-04-01',
        endDate: '2027-03-31',
      }),
      201,
      'academic year',
    );
    const yearId = String(year.body.yearId);
    const groups = Math.ceil(rows / GROUP_SIZE);
    for (let g = 0; g < groups; g++) {
      const body = { yearId, grade: String(1 + (g % 12)), section: `S${Math.floor(g / 12) + 1}`, capacity: GROUP_SIZE };
      ok(await call('POST', `${school}/groups`, body), 201, 'group');
    }
    const file = csv(rows);
    ctx.log(`  importing ${rows} rows (${(file.length / 1024).toFixed(0)} KiB) into ${groups} groups`);
    const begin = performance.now();
    const response = await fetch(`${admin.url}${school}/student-imports?yearId=${yearId}&enrolledOn=2026-04-01`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: file,
    });
    const accepted = (await response.json()) as { importId: string };
    if (response.status !== 202) throw new Error(`upload refused: ${response.status} ${JSON.stringify(accepted)}`);
    const uploadSeconds = seconds(begin);

    let report: Reply | undefined;
    for (;;) {
      report = await call('GET', `/student-imports/${accepted.importId}`);
      if (report.status === 200 && report.body.status === 'completed') break;
      await sleep(200);
    }
    const importedSeconds = seconds(begin);
    if (report.body.admitted !== rows)
      throw new Error(`admitted ${report.body.admitted} of ${rows}: ${JSON.stringify(report.body).slice(0, 500)}`);

    // Visible: every group's list holds its students.
    for (;;) {
      const page = await call('GET', `${school}/groups?limit=200&yearId=${yearId}`);
      const items = (page.body.items ?? []) as Array<{ members: number }>;
      if (items.reduce((sum, g) => sum + g.members, 0) === rows) break;
      await sleep(200);
    }
    const lists = await call(
      'GET',
      `/groups/${String(((await call('GET', `${school}/groups?limit=1`)).body.items ?? [])[0]?.groupId)}/students`,
    );
    if (!Array.isArray(lists.body) || lists.body.length === 0) throw new Error('a group list is empty');
    const visibleSeconds = seconds(begin);
    ctx.log(
      `    -> upload ${uploadSeconds.toFixed(1)} s, imported ${importedSeconds.toFixed(1)} s (${Math.round(rows / importedSeconds)} rows/s), visible in the group lists ${visibleSeconds.toFixed(1)} s`,
    );
    return {
      id: 'admin-import',
      title: '8. Admin: a CSV of students imported (admitted, enrolled, seated) and visible in the group lists',
      rows: [
        {
          scenario: 'admin-import',
          case: `${rows} rows imported`,
          value: Math.round(rows / importedSeconds),
          unit: 'rows/s',
        },
        {
          scenario: 'admin-import',
          case: `${rows} rows visible in group lists`,
          value: Math.round(rows / visibleSeconds),
          unit: 'rows/s',
        },
      ],
      notes: [
        `${rows} rows into ${groups} groups of ${GROUP_SIZE}; the upload was answered in ${uploadSeconds.toFixed(1)} s, the import completed ${importedSeconds.toFixed(1)} s after it was sent, every student was in the group lists after ${visibleSeconds.toFixed(1)} s. Admin is a built process at LOG_LEVEL=info.`,
      ],
      targets: [],
      seconds: seconds(started),
    };
  } finally {
    await admin.stop();
  }
}
