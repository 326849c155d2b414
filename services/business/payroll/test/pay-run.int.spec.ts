import { eventually } from '@hexfleet/testing';
import { randomBytes } from 'node:crypto';
import { payrollWithHrms } from './support/service-harness';

type Slip = {
  employeeName: string;
  paymentDays: number;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
};

describe('a pay run: payslips as computed by hand, then locked', () => {
  const services = payrollWithHrms('run');

  it('pays April by payment days; finalizing locks the period in payroll (409) and in HRMS for unpaid leave', async () => {
    const { issuer, local: payroll, built: hrms } = services;
    const tenant = `run${randomBytes(4).toString('hex')}`;
    const [hr, manager, admin] = await Promise.all([
      issuer.mint({ tenant, roles: ['hr'] }),
      issuer.mint({ tenant, roles: ['manager'] }),
      issuer.mint({ tenant, roles: ['payroll-admin'] }),
    ]);
    const person = { department: 'Engineering', designation: 'Engineer', employmentType: 'full-time' };
    const hire = async (firstName: string, joiningDate: string) =>
      (
        await hrms.call('POST', '/employees', {
          token: hr,
          body: { ...person, firstName, workEmail: `${firstName}@example.com`, joiningDate },
        })
      ).body.employeeId as string;
    const ada = await hire('Ada', '2026-03-02');
    const bob = await hire('Bob', '2026-04-16'); // joins mid-April: 15 of 30 days employed
    const unpaid = await hrms.call('POST', '/leave-types', { token: hr, body: { name: 'Without pay', unpaid: true } });
    const leaveTypeId = unpaid.body.leaveTypeId as string;

    const component = async (code: string, kind: string) =>
      (await payroll.call('POST', '/salary-components', { token: admin, body: { code, name: code, kind } })).body
        .componentId as string;
    const [basic, hra, pf] = [
      await component('BASIC', 'earning'),
      await component('HRA', 'earning'),
      await component('PF', 'deduction'),
    ];
    const structure = await payroll.call('POST', '/salary-structures', {
      token: admin,
      body: {
        name: 'Engineering',
        currency: 'EUR',
        lines: [
          { componentId: basic, method: 'percent_of_base', basisPoints: 10_000 },
          { componentId: hra, method: 'percent_of_component', basisPoints: 4_000, ofComponent: 'BASIC' },
          { componentId: pf, method: 'percent_of_component', basisPoints: 1_200, ofComponent: 'BASIC' },
        ],
      },
    });
    expect(structure.status).toBe(201);
    const structureId = structure.body.structureId as string;
    for (const [employeeId, fromDate] of [
      [ada, '2026-03-02'],
      [bob, '2026-04-16'],
    ]) {
      await eventually(
        async () => (await payroll.call('GET', `/employees/${employeeId}`, { token: admin })).status === 200,
      );
      const assigned = await payroll.call('POST', `/employees/${employeeId}/salary-assignments`, {
        token: admin,
        body: { structureId, fromDate, baseMinor: 310_000 },
      });
      expect(assigned.status).toBe(201);
    }

    // One day of unpaid leave for Ada, approved before the run.
    const leave = await hrms.call('POST', '/leave-requests', {
      token: hr,
      body: { employeeId: ada, leaveTypeId, fromDate: '2026-04-08', toDate: '2026-04-08' },
    });
    await hrms.call('POST', `/leave-requests/${leave.body.leaveRequestId}/approve`, { token: manager });
    await eventually(
      async () => {
        const days = await payroll.call('GET', `/employees/${ada}/payment-days?period=2026-04`, { token: admin });
        return days.body.paymentDays === 29;
      },
      { what: 'payroll recording the unpaid day' },
    );

    const created = await payroll.call('POST', '/payroll-runs', {
      token: admin,
      body: { period: '2026-04', currency: 'EUR' },
    });
    expect(created.status).toBe(201);
    const token = { 'x-consistency-token': created.headers.get('x-consistency-token') ?? '' };
    const slips = (await payroll.call('GET', '/payroll-runs/2026-04/payslips', { token: admin, headers: token }))
      .body as unknown as Slip[];
    const figures = slips.map(({ employeeName, paymentDays, grossMinor, deductionsMinor, netMinor }) => ({
      employeeName,
      paymentDays,
      grossMinor,
      deductionsMinor,
      netMinor,
    }));
    console.log(`April payslips: ${JSON.stringify(figures)}`);
    // By hand, base 3100.00 EUR, April has 30 days, half-even rounding once per line:
    // Ada 29 days: BASIC 310000*29/30 = 299666.67 -> 299667; HRA 40% -> 119866.8 -> 119867; PF 12% -> 35960.04 -> 35960
    // Bob 15 days: BASIC 155000; HRA 62000; PF 18600
    expect(figures).toEqual([
      { employeeName: 'Ada', paymentDays: 29, grossMinor: 419_534, deductionsMinor: 35_960, netMinor: 383_574 },
      { employeeName: 'Bob', paymentDays: 15, grossMinor: 217_000, deductionsMinor: 18_600, netMinor: 198_400 },
    ]);

    const finalized = await payroll.call('POST', '/payroll-runs/2026-04/finalize', { token: admin });
    expect(finalized.status).toBe(200);
    const [run] = (
      await payroll.call('GET', '/payroll-runs/2026-04', {
        token: admin,
        headers: { 'x-consistency-token': finalized.headers.get('x-consistency-token') ?? '' },
      })
    ).body as unknown as Array<Record<string, unknown>>;
    console.log(`April run: ${JSON.stringify(run)}`);
    expect(run).toMatchObject({
      status: 'finalized',
      payslipCount: 2,
      grossMinor: 636_534,
      deductionsMinor: 54_560,
      netMinor: 581_974,
    });
    const again = await payroll.call('POST', '/payroll-runs/2026-04/finalize', { token: admin });
    expect([again.status, again.body.code]).toEqual([409, 'payroll-run-finalized']);
    const twice = await payroll.call('POST', '/payroll-runs', {
      token: admin,
      body: { period: '2026-04', currency: 'EUR' },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'payroll-run-exists']);

    // HRMS hears PayrollRunFinalized through Kafka and refuses unpaid leave in April from then on.
    await eventually(
      async () => {
        const late = await hrms.call('POST', '/leave-requests', {
          token: hr,
          body: { employeeId: ada, leaveTypeId, fromDate: '2026-04-20', toDate: '2026-04-20' },
        });
        return late.status === 409 && late.body.code === 'payroll-period-finalized';
      },
      { what: 'HRMS refusing unpaid leave in the finalized period' },
    );
    expect(
      (
        await payroll.call('GET', '/payroll-runs/2026-04/payslips', {
          token: await issuer.mint({ tenant, roles: ['employee'] }),
        })
      ).status,
    ).toBe(403);
  });
});
