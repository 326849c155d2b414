import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoYear, markedDays } from '../src/demo-school';
import { presentServices } from '../src/fleet';
import { freePort, freePortRange, portAnswers } from '../src/processes';
import { presentWebApps, WEB_APPS } from '../src/web';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Pids of the processes still in a process group. */
const groupMembers = (pgid: number) =>
  execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .map(([pid]) => pid);

/**
 * Issue 7, acceptance 4: `npm run dev` on a stack of its own (private folder and
 * ports) reaches all-ready, the demo logins work through the gateway and read
 * data projected from Kafka; and (issue 25) a SIGTERM to npm alone, as a process manager or
 * `timeout` sends it, leaves nothing running: no process it started, no port answering.
 * tools/devstack/test/dev-signals.int.spec.ts covers every signal on a stand-in fleet.
 */
describe('npm run dev', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-fleet-'));
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('brings the fleet up with demo data, and a SIGTERM to npm stops all of it', async () => {
    const { KAFKA_BROKERS: _k, DATABASE_URL: _d, SCHEMA_REGISTRY_URL: _s, ...rest } = process.env;
    const basePort = await freePortRange(presentServices().length + 1);
    const stackPorts = [await freePort(), await freePort(), await freePort(), await freePort()];
    const webPort = await freePort();
    const env = {
      ...rest,
      DEVSTACK_HOME: home,
      DEVSTACK_KAFKA_PORT: String(stackPorts[0]),
      DEVSTACK_KAFKA_CONTROLLER_PORT: String(stackPorts[1]),
      DEVSTACK_POSTGRES_PORT: String(stackPorts[2]),
      DEVSTACK_REGISTRY_PORT: String(stackPorts[3]),
      DEVSTACK_SMTP_PORT: String(await freePort()),
      DEVSTACK_MAILPIT_PORT: String(await freePort()),
      DEVSTACK_FLEET_PORT: String(basePort),
      DEVSTACK_BUSINESS_WEB_PORT: String(webPort),
      LOG_LEVEL: 'warn',
    };
    const began = Date.now();
    // As a user starts it (`npm run dev`), in a process group of its own, so we can see what is left of it.
    const dev = spawn('npm', ['run', '--silent', 'dev'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => dev.once('exit', resolve));
    try {
      const deadline = Date.now() + 300_000;
      while (!output.includes('Hexfleet is up') && dev.exitCode === null && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 500));
      if (!output.includes('Hexfleet is up')) throw new Error(`npm run dev did not come up:\n${output}`);
      const seconds = (Date.now() - began) / 1000;
      console.log(
        `npm run dev: all ready, demo data in, after ${seconds.toFixed(1)} s\n${output.trim().split('\n').slice(-9).join('\n')}`,
      );

      // Every process answers ready, at the URLs written to the env file.
      const envFile = fs.readFileSync(path.join(home, 'env'), 'utf8');
      const allUrls = [...envFile.matchAll(/^export (\w+_URL)='(http:[^']+)'$/gm)];
      const stackParts = ['SCHEMA_REGISTRY_URL', 'MAILPIT_URL'];
      const urls = allUrls.filter(([, name]) => !stackParts.includes(name) && !name.endsWith('_WEB_URL'));
      // Mailpit's web inbox and API, where notifications' mails land (issue 20).
      const mailpit = allUrls.find(([, name]) => name === 'MAILPIT_URL')?.[2];
      expect(mailpit && (await fetch(`${mailpit}/api/v1/info`)).status).toBe(200);
      // The web apps of this checkout (issue 21: BUSINESS_WEB_URL), each serving its sign-in page.
      const webUrls = allUrls.filter(([, name]) => name.endsWith('_WEB_URL'));
      expect(webUrls.map(([, name]) => name).sort()).toEqual(
        presentWebApps()
          .map((app) => WEB_APPS[app].envVar)
          .sort(),
      );
      for (const [, name, url] of webUrls)
        expect({ name, signIn: (await fetch(`${url}/sign-in`)).status }).toEqual({ name, signIn: 200 });
      // Every service of this checkout (a new one joins the fleet when the generator registers it), and the gateway.
      expect(urls.map(([, name]) => name).sort()).toEqual(
        [...presentServices().map((m) => `${m.module.toUpperCase()}_URL`), 'GATEWAY_URL'].sort(),
      );
      expect(urls.length).toBeGreaterThanOrEqual(8);
      for (const [, name, url] of urls)
        expect({ name, ready: (await fetch(`${url}/health/ready`)).status }).toEqual({ name, ready: 200 });

      // The demo logins work through the gateway, and GraphQL reads the seeded, projected data.
      const gateway = `http://127.0.0.1:${basePort}`;
      const login = async (tenant: string, email: string) => {
        const response = await fetch(`${gateway}/api/v1/identity/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ tenant, email, password: 'hexfleet-demo-2026' }),
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as { accessToken: string }).accessToken;
      };
      const graphql = async (token: string, query: string) =>
        (await (
          await fetch(`${gateway}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query }),
          })
        ).json()) as { data: Record<string, unknown> };
      const business = await graphql(await login('acme', 'admin@acme.test'), '{ employees { total } }');
      const greenfield = await login('greenfield', 'admin@greenfield.test');
      const { schools } = (await graphql(greenfield, '{ schools { items { schoolId code } } }')).data as {
        schools: { items: Array<{ schoolId: string; code: string }> };
      };
      const north = schools.items.find((s) => s.code === 'NORTH')?.schoolId;
      const school = await graphql(
        greenfield,
        `{ catalogue(schoolId: "${north}") { items { title copies } }
           loanRules(schoolId: "${north}") { loanPeriodDays maxLoans }
           studentGroups(schoolId: "${north}") { items { groupId grade section members teachers { teacherName } } } }`,
      );
      console.log(
        `demo logins: acme sees ${JSON.stringify(business.data)}; greenfield sees ${JSON.stringify(schools)} and ${JSON.stringify(school.data)}`,
      );
      // Three hired in HRMS, and Ada hired through Pipeline's recruitment board (flow 1).
      expect(business.data).toEqual({ employees: { total: 4 } });
      // HQ opened two schools; Admin imported a class of 12 into each of 5-A and 5-B, with three teachers each.
      expect(schools.items.map((s) => s.code).sort()).toEqual(['NORTH', 'SOUTH']);
      expect((school.data.catalogue as { items: unknown[] }).items).toHaveLength(2);
      // The library lends by the group policy HQ set (its loan-rule defaults reach libraries as events).
      expect(school.data.loanRules).toEqual([{ loanPeriodDays: 14, maxLoans: 5 }]);
      const groups = (school.data.studentGroups as { items: Array<{ members: number; teachers: unknown[] }> }).items;
      expect(groups.map((g) => [g.members, g.teachers.length])).toEqual([
        [12, 3],
        [12, 3],
      ]);

      // The teachers took their registers of the last school days (three lessons a day, one student
      // away all day and one late per class), and HQ's dashboard shows the rate from Attendance's events.
      const today = new Date().toISOString().slice(0, 10);
      const year = demoYear(new Date());
      const term = year.terms.find((t) => t.startDate <= today && today <= t.endDate) ?? year.terms[0];
      const days = markedDays(today, term);
      expect(days.length).toBeGreaterThan(0);
      const [from, to] = [days[0], days[days.length - 1]];
      const groupId = (groups as unknown as Array<{ groupId: string }>)[0].groupId;
      const expected = { records: days.length * 3 * 12, absent: days.length * 3, late: days.length };
      const deadline2 = Date.now() + 60_000;
      let taken: Record<string, unknown> = {};
      for (;;) {
        taken = (
          await graphql(
            greenfield,
            `{ groupAttendance(groupId: "${groupId}", from: "${from}", to: "${to}") { totals { records absent late } }
               groupDashboard(from: "${from}", to: "${to}") { attendancePercent attendance { attended absent } absentStudents { value } } }`,
          )
        ).data;
        const dashboard = taken?.groupDashboard as
          { attendance: Array<{ attended: number; absent: number }> } | undefined;
        const recorded = dashboard?.attendance.reduce((n, p) => n + p.attended + p.absent, 0);
        if (recorded === 4 * expected.records || Date.now() > deadline2) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      console.log(`demo registers (${days.join(', ')}): ${JSON.stringify(taken)}`);
      expect((taken.groupAttendance as { totals: unknown }).totals).toEqual(expected);
      const dashboard = taken.groupDashboard as {
        attendancePercent: number;
        attendance: Array<{ attended: number; absent: number }>;
        absentStudents: Array<{ value: number }>;
      };
      // Two schools of two classes: 33 of 36 records a class-day attended.
      expect(dashboard.attendancePercent).toBe(91.67);
      expect(dashboard.attendance.reduce((n, p) => n + p.absent, 0)).toBe(4 * expected.absent);
      expect(dashboard.absentStudents.filter((p) => p.value > 0).map((p) => p.value)).toEqual(days.map(() => 4));
    } finally {
      // To npm alone, not its group: npm forwards it to the supervisor, which stops the rest.
      if (dev.exitCode === null) process.kill(dev.pid as number, 'SIGTERM');
      await exited;
    }
    // Nothing of it is left: no process of its group (bounded: services drain, Kafka and Postgres shut
    // down cleanly), no port of the fleet or the stack answering.
    const stoppedBy = Date.now() + 90_000;
    while (groupMembers(dev.pid as number).length > 0 && Date.now() < stoppedBy)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const left = groupMembers(dev.pid as number);
    if (left.length) execFileSync('ps', ['-o', 'pid,args', '-p', left.join(',')], { stdio: 'inherit' });
    expect(left).toEqual([]);
    const answering = await Promise.all(
      [...Array.from({ length: presentServices().length + 1 }, (_, i) => basePort + i), ...stackPorts, webPort].map(
        async (port) => ((await portAnswers(port)) ? [port] : []),
      ),
    );
    expect(answering.flat()).toEqual([]);
    // Nine processes build, start and seed two products on two shared cores: minutes, not seconds.
  }, 400_000);
});
