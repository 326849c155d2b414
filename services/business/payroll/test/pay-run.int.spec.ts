import { randomBytes } from 'node:crypto';
import { figures, listOf, payApril, settled } from './support/april-flow';
import { payrollWithHrms } from './support/service-harness';

// Acceptance 3: HRMS (its own process) and payroll, through their APIs and Kafka only.
describe('a pay run: payslips as computed by hand, then locked', () => {
  const services = payrollWithHrms('run');

  it('pays April by payment days; finalizing locks the period in payroll (409) and in HRMS for unpaid leave', async () => {
    const { issuer, local: payroll, built: hrms } = services;
    const april = await payApril(services, `run${randomBytes(4).toString('hex')}`);
    const { tokens, ids, leaveTypeId } = april;

    console.log(`April payslips: ${JSON.stringify(figures(april.slips))}`);
    // By hand: April has 30 days; each line is rounded half-even once, HRA and PF from the rounded Basic.
    // Ada, base 3100.00, 28 days (2 unpaid): Basic 310000*28/30 = 289333.33 -> 289333; HRA 40% = 115733.2 -> 115733;
    //   PF 12% = 34719.96 -> 34720; gross 405066, net 370346.
    // Bob, base 3100.00, joined the 16th, 15 days: Basic 155000, HRA 62000, PF 18600; gross 217000, net 198400.
    // Cy, base 4500.00, 30 days: Basic 450000, HRA 180000, PF 54000; gross 630000, net 576000.
    expect(figures(april.slips)).toEqual([
      { employeeName: 'Ada', paymentDays: 28, grossMinor: 405_066, deductionsMinor: 34_720, netMinor: 370_346 },
      { employeeName: 'Bob', paymentDays: 15, grossMinor: 217_000, deductionsMinor: 18_600, netMinor: 198_400 },
      { employeeName: 'Cy', paymentDays: 30, grossMinor: 630_000, deductionsMinor: 54_000, netMinor: 576_000 },
    ]);

    const [run] = listOf<Record<string, unknown>>(
      await payroll.call('GET', '/payroll-runs/2026-04', {
        token: tokens.admin,
        headers: { 'x-consistency-token': april.finalized.headers.get('x-consistency-token') ?? '' },
      }),
    );
    console.log(`April run: ${JSON.stringify(run)}`);
    expect(run).toMatchObject({
      runId: april.runId,
      status: 'finalized',
      payslipCount: 3,
      grossMinor: 1_252_066,
      deductionsMinor: 107_320,
      netMinor: 1_144_746,
    });

    // The run's payslips by employee name: all of them, or a page.
    const names = async (query: string) =>
      listOf<{ employeeName: string }>(
        await payroll.call('GET', `/payroll-runs/2026-04/payslips${query}`, { token: tokens.admin }),
      ).map((slip) => slip.employeeName);
    expect(await names('')).toEqual(['Ada', 'Bob', 'Cy']);
    expect(await names('?limit=2')).toEqual(['Ada', 'Bob']);
    expect(await names('?limit=2&offset=2')).toEqual(['Cy']);
    expect((await payroll.call('GET', '/payroll-runs/2026-04/payslips?limit=0', { token: tokens.admin })).status).toBe(
      400,
    );

    const again = await payroll.call('POST', '/payroll-runs/2026-04/finalize', { token: tokens.admin });
    const second = await payroll.call('POST', '/payroll-runs', {
      token: tokens.admin,
      body: { period: '2026-04', currency: 'EUR' },
    });
    // HRMS hears PayrollRunFinalized through Kafka (its read model of finalized periods), then refuses
    // unpaid leave in April. Waiting on that table first keeps an early application from getting in.
    const finalizedInHrms = `select 1 from tenant_${april.tenant}.finalized_periods where period = '2026-04'`;
    await settled(async () => (await hrms.db.pool.query(finalizedInHrms)).rowCount === 1, 'HRMS hearing of April');
    const lateLeave = { employeeId: ids.Cy, leaveTypeId, fromDate: '2026-04-20', toDate: '2026-04-20' };
    const late = await hrms.call('POST', '/leave-requests', { token: tokens.hr, body: lateLeave });
    const may = await hrms.call('POST', '/leave-requests', {
      token: tokens.hr,
      body: { ...lateLeave, fromDate: '2026-05-04', toDate: '2026-05-04' },
    });
    const answers = [again, second, late, may].map((r) => `${r.status} ${r.body.code ?? ''}`.trim());
    console.log(`finalize again, second April run, unpaid leave on 20 Apr, unpaid leave on 4 May: ${answers}`);
    expect(answers).toEqual([
      '409 payroll-run-finalized',
      '409 payroll-run-exists',
      '409 payroll-period-finalized',
      '201',
    ]);
    const employee = await issuer.mint({ tenant: april.tenant, roles: ['employee'] });
    expect((await payroll.call('GET', '/payroll-runs/2026-04/payslips', { token: employee })).status).toBe(403);
  });
});
