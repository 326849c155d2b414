import type { Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import { eventually } from '@hexfleet/testing';
import { April, figures, listOf, payApril } from './support/april-flow';
import { payrollWithHrms } from './support/service-harness';

type Rows = Array<Record<string, unknown>>;
const column = async (pool: Pool, sql: string, params: unknown[] = []) =>
  (await pool.query(sql, params)).rows.map((row) => Object.values(row)[0] as string).sort();

// Acceptance 4: two companies run the same April at the same time, through both services.
describe('two tenants side by side never see each other’s employees or payslips', () => {
  const services = payrollWithHrms('tenants');

  it('keeps them apart in every API answer and in separate tenant schemas of both databases', async () => {
    const { issuer, local: payroll, built: hrms } = services;
    const suffix = randomBytes(4).toString('hex');
    const [a, b] = await Promise.all([payApril(services, `acme${suffix}`), payApril(services, `globex${suffix}`)]);
    const ids = (t: April) => Object.values(t.ids).sort();
    console.log(`acme payslips: ${JSON.stringify(figures(a.slips).map((f) => [f.employeeName, f.netMinor]))}`);
    console.log(`globex payslips: ${JSON.stringify(figures(b.slips).map((f) => [f.employeeName, f.netMinor]))}`);
    // The same flow, the same figures, each company's own people and run.
    expect(figures(a.slips)).toEqual(figures(b.slips));
    expect(a.slips.map((s) => s.employeeId).sort()).toEqual(ids(a));
    expect(b.slips.map((s) => s.employeeId).sort()).toEqual(ids(b));

    // Through the API: each tenant's token on the other's ids is a 404, and lists hold only its own.
    const answers: number[] = [];
    for (const [own, other] of [
      [a, b],
      [b, a],
    ]) {
      const token = await issuer.mint({ tenant: own.tenant, roles: ['hr', 'manager', 'payroll-admin'] });
      for (const id of ids(other)) {
        for (const path of [
          `/employees/${id}`,
          `/employees/${id}/payslips`,
          `/employees/${id}/payment-days?period=2026-04`,
        ])
          answers.push((await payroll.call('GET', path, { token })).status);
        answers.push((await hrms.call('GET', `/employees/${id}`, { token })).status);
        const promote = { toDesignation: 'Thief', effectiveDate: '2026-05-01' };
        answers.push((await hrms.call('POST', `/employees/${id}/promotions`, { token, body: promote })).status);
      }
      answers.push((await hrms.call('GET', `/leave-requests/${other.leaveRequestId}`, { token })).status);
      answers.push(
        (await hrms.call('POST', `/leave-requests/${other.leaveRequestId}/cancel`, { token, body: {} })).status,
      );

      const items = async (reply: Promise<{ body: unknown }>) => {
        const body = (await reply).body as { items?: Rows } | Rows;
        return (Array.isArray(body) ? body : (body.items ?? [])).map((row) => row.employeeId as string).sort();
      };
      // HRMS's own read models: nothing above waited for them (payroll's waits were on its own).
      await eventually(
        async () =>
          (await items(hrms.call('GET', '/employees', { token }))).length === ids(own).length &&
          (await items(hrms.call('GET', '/leave-requests', { token }))).length === 1,
        { what: `HRMS's employee directory and leave requests of ${own.tenant}` },
      );
      expect(await items(hrms.call('GET', '/employees', { token }))).toEqual(ids(own));
      expect(await items(payroll.call('GET', '/employees', { token }))).toEqual(ids(own));
      expect(await items(payroll.call('GET', '/payroll-runs/2026-04/payslips', { token }))).toEqual(ids(own));
      expect(await items(hrms.call('GET', '/leave-requests', { token }))).toEqual([own.ids.Ada]);
      const runs = listOf<Record<string, unknown>>(await payroll.call('GET', '/payroll-runs', { token }));
      expect(runs.map((run) => run.runId)).toEqual([own.runId]);
    }
    console.log(`cross-tenant reads and writes by id: ${answers.length} answered, all ${[...new Set(answers)]}`);
    expect(new Set(answers)).toEqual(new Set([404]));

    // In the databases: one schema per tenant in each service, each holding only its own rows.
    for (const [service, pool, tables] of [
      ['hrms', hrms.db.pool, ['employees', 'leave_requests']],
      ['payroll', payroll.db.pool, ['payroll_employees', 'payslips']],
    ] as const) {
      const schemas = await column(
        pool,
        `select schema_name from information_schema.schemata where schema_name = any($1) order by 1`,
        [[`tenant_${a.tenant}`, `tenant_${b.tenant}`]],
      );
      expect(schemas).toEqual([`tenant_${a.tenant}`, `tenant_${b.tenant}`]);
      for (const t of [a, b]) {
        const [people, other] = [tables[0], tables[1]];
        const employees = await column(pool, `select employee_id from "tenant_${t.tenant}".${people}`);
        const inOther = await column(pool, `select distinct employee_id from "tenant_${t.tenant}".${other}`);
        expect(employees).toEqual(ids(t));
        expect(inOther.every((id) => ids(t).includes(id))).toBe(true);
        // Every stored event of the tenant is in its streams, and none mentions the other tenant's people.
        const stranger = t === a ? b : a;
        const { rows } = await pool.query<{ total: string; astray: string; mentions: string }>(
          `select count(*) as total, count(*) filter (where stream_id not like $1 || '/%') as astray,
             count(*) filter (where payload::text like any($2)) as mentions
           from eventstore.events where tenant = $1`,
          [t.tenant, ids(stranger).map((id) => `%${id}%`)],
        );
        console.log(
          `${service} ${t.tenant}: schema tenant_${t.tenant}, ${employees.length} employees, events ${JSON.stringify(rows[0])}`,
        );
        expect(rows[0]).toMatchObject({ astray: '0', mentions: '0' });
        expect(Number(rows[0].total)).toBeGreaterThan(0);
      }
    }
  });
});
