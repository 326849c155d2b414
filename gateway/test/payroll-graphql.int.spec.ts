import { randomBytes, randomUUID } from 'node:crypto';
import { eventually } from '@hexfleet/testing';
import { Fleet, graphql, GraphqlReply, startFleet, subscriptionClient, upstreamCalls } from './support/fleet';

interface RunRow {
  runId: string;
  period: string;
  status: string;
  payslipCount: number;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
}

interface Id {
  id: string;
}

const tenant = `gqp${randomBytes(4).toString('hex')}`;

/** The data of a reply that must have succeeded (read as the shape the query asked for), or a failure showing its errors. */
function dataOf<T>(reply: GraphqlReply): T {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(JSON.stringify(reply.body));
  return reply.body.data as T;
}

/**
 * Payroll over GraphQL only, against HRMS and Payroll as deployed: the salary set-up,
 * hiring (payroll enrols from HRMS's event), a run's progress as a subscription, finalizing,
 * and reading the payslips with the mutation's consistency token.
 */
describe('payroll through GraphQL', () => {
  let fleet: Fleet;
  let token: string;
  const gql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    graphql(fleet.url, query, { token, variables, headers });
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => dataOf<T>(await gql(query, variables));
  /** The one root field a query or mutation asked for. */
  const one = async <T>(query: string, variables?: Record<string, unknown>) =>
    Object.values(await ok<Record<string, T>>(query, variables))[0];

  beforeAll(async () => {
    fleet = await startFleet({ hrms: 'services/business/hrms', payroll: 'services/business/payroll' });
    token = await fleet.issuer.mint({ tenant, roles: ['hr', 'payroll-admin'], expiresInSeconds: 1_800 });
  });
  afterAll(() => fleet?.stop());

  it('sets up salaries, follows a run while its payslips are computed, finalizes it and reads them fresh', async () => {
    const component = `mutation ($input: DefineSalaryComponentInput!) { defineSalaryComponent(input: $input) { id } }`;
    const basic = (await one<Id>(component, { input: { code: 'BASIC', name: 'Basic', kind: 'earning' } })).id;
    const pf = (await one<Id>(component, { input: { code: 'PF', name: 'Provident fund', kind: 'deduction' } })).id;
    const structure = await one<Id>(
      `mutation ($input: DefineSalaryStructureInput!) { defineSalaryStructure(input: $input) { id consistencyToken } }`,
      {
        input: {
          name: 'Engineering',
          currency: 'EUR',
          lines: [
            { componentId: basic, method: 'percent_of_base', basisPoints: 10_000 },
            { componentId: pf, method: 'percent_of_component', basisPoints: 1_200, ofComponent: 'BASIC' },
          ],
        },
      },
    );
    const structureId = structure.id;

    const employeeIds: string[] = [];
    for (const firstName of ['Ada', 'Grace']) {
      const hired = await one<Id>(`mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`, {
        input: {
          firstName,
          lastName: 'Payee',
          workEmail: `${firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@example.com`,
          joiningDate: '2026-01-05',
          department: 'Engineering',
          designation: 'Engineer',
          employmentType: 'full-time',
        },
      });
      employeeIds.push(hired.id);
    }
    for (const employeeId of employeeIds) {
      // Payroll hears of the hire through Kafka only.
      await eventually(
        async () => (await one<unknown>(`{ payrollEmployee(employeeId: "${employeeId}") { employeeId } }`)) !== null,
        { timeoutMs: 90_000, pollMs: 500, what: `payroll enrolling ${employeeId}` },
      );
      await ok(
        `mutation ($id: ID!, $input: AssignSalaryStructureInput!) { assignSalaryStructure(employeeId: $id, input: $input) { accepted } }`,
        { id: employeeId, input: { structureId, fromDate: '2026-01-05', baseMinor: 300_000 } },
      );
    }

    const client = subscriptionClient(fleet.url, token);
    const rows: Record<'february' | 'any', RunRow[]> = { february: [], any: [] };
    const errors: unknown[] = [];
    const fields = 'runId period status payslipCount grossMinor deductionsMinor netMinor';
    const follow = (who: keyof typeof rows, args: string) =>
      client.subscribe<{ payrollRunChanged: RunRow }>(
        { query: `subscription { payrollRunChanged${args} { ${fields} } }` },
        {
          next: ({ data, errors: failed }) => (data ? rows[who].push(data.payrollRunChanged) : errors.push(failed)),
          error: (error) => errors.push(error),
          complete: () => undefined,
        },
      );
    const connected = new Promise((resolve) => client.on('connected', resolve));
    const stops = [follow('february', '(period: "2026-02")'), follow('any', '')];
    try {
      await connected;
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      // January first: the subscription without a period sees it, February's does not.
      await ok(`mutation { createPayrollRun(input: { period: "2026-01", currency: "EUR" }) { id } }`);
      await eventually(async () => rows.any.some((row) => row.period === '2026-01'), {
        timeoutMs: 30_000,
        what: 'January’s run on the unfiltered subscription',
      });

      const { id: runId } = await one<Id>(
        `mutation { createPayrollRun(input: { period: "2026-02", currency: "EUR" }) { id consistencyToken } }`,
      );
      await eventually(async () => rows.february.some((row) => row.payslipCount === 2), {
        timeoutMs: 30_000,
        what: 'the run’s progress with both payslips',
      });
      const finalized = await one<{ consistencyToken: string }>(
        `mutation { finalizePayrollRun(period: "2026-02") { accepted consistencyToken } }`,
      );
      await eventually(async () => rows.february.some((row) => row.status === 'finalized'), {
        timeoutMs: 30_000,
        what: 'the finalized run',
      });
      console.log(
        `payrollRunChanged(period: 2026-02): ${rows.february.map((r) => `${r.status}/${r.payslipCount}/${r.netMinor}`).join(', ')}`,
      );
      expect(errors).toEqual([]);
      expect(rows.february.every((row) => row.period === '2026-02' && row.runId === runId)).toBe(true);
      expect(rows.february.some((row) => row.status === 'draft')).toBe(true);
      expect(rows.february.find((row) => row.status === 'finalized')).toEqual({
        runId,
        period: '2026-02',
        status: 'finalized',
        payslipCount: 2,
        grossMinor: 600_000,
        deductionsMinor: 72_000,
        netMinor: 528_000,
      });

      // Read your own write: the finalize's token, the payslips fresh, each employee from HRMS in one call.
      const hrmsCalls = await upstreamCalls(fleet.url, 'hrms');
      const payslips = await gql(
        `{ payslips(period: "2026-02") { hasMore items { status netMinor employee { firstName } } }
           payrollRun(period: "2026-02") { status } }`,
        undefined,
        { 'x-consistency-token': finalized.consistencyToken },
      );
      const { payslips: page, payrollRun } = dataOf<{
        payslips: {
          hasMore: boolean;
          items: Array<{ status: string; netMinor: number; employee: { firstName: string } }>;
        };
        payrollRun: { status: string };
      }>(payslips);
      expect((payslips.body as { extensions?: Record<string, unknown> }).extensions?.consistency).toBe('fresh');
      expect(payrollRun.status).toBe('finalized');
      expect(page.hasMore).toBe(false);
      expect(page.items.map((p) => p.employee.firstName).sort()).toEqual(['Ada', 'Grace']);
      expect(page.items.every((p) => p.status === 'current' && p.netMinor === 264_000)).toBe(true);
      // Both payslips' employees in one HRMS call.
      expect((await upstreamCalls(fleet.url, 'hrms')) - hrmsCalls).toBe(1);
      const firstPage = await one<unknown>(`{ payslips(period: "2026-02", limit: 1) { hasMore items { payslipId } } }`);
      expect(firstPage).toMatchObject({ hasMore: true, items: [expect.anything()] });
    } finally {
      stops.forEach((stop) => stop());
      await client.dispose();
    }
    expect(rows.february.some((row) => row.period === '2026-01')).toBe(false);

    const employee = await ok<{
      employeePayslips: Array<{ period: string }>;
      paymentDays: unknown;
      payrollEmployees: { items: unknown[] };
    }>(
      `{ employeePayslips(employeeId: "${employeeIds[0]}") { period grossMinor }
         paymentDays(employeeId: "${employeeIds[0]}", period: "2026-01") { employedDays paymentDays }
         payrollEmployees(limit: 10) { items { firstName structureId baseMinor } } }`,
    );
    expect(employee.employeePayslips.map((p) => p.period).sort()).toEqual(['2026-01', '2026-02']);
    expect(employee.paymentDays).toEqual({ employedDays: 27, paymentDays: 27 });
    expect(employee.payrollEmployees.items).toHaveLength(2);
    expect(employee.payrollEmployees.items[0]).toMatchObject({ structureId, baseMinor: 300_000 });
  });

  it('answers a malformed argument with an error naming the field, and a broken rule with its code', async () => {
    const malformed = await gql(`mutation { createPayrollRun(input: { period: "2026-13", currency: "euro" }) { id } }`);
    const fields = (malformed.body.errors?.[0]?.extensions?.errors as Array<{ field: string }>).map((e) => e.field);
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'validation-failed', status: 400 });
    expect(fields).toEqual(expect.arrayContaining(['period', 'currency']));

    const again = await gql(`mutation { createPayrollRun(input: { period: "2026-02", currency: "EUR" }) { id } }`);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'payroll-run-exists', status: 409 });

    const badPeriod = await gql(`{ payslips(period: "last month") { total } }`);
    expect(badPeriod.body.errors?.[0]?.extensions?.errors).toEqual([expect.objectContaining({ field: 'period' })]);
    console.log(
      `refused: ${[malformed, again, badPeriod].map((r) => `${r.status} ${r.body.errors?.[0]?.extensions?.code}`).join('; ')}`,
    );
  });
});
