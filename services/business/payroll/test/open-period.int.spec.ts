import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { eventTypeOf } from '@hexfleet/schemas';
import { readTopicUntil, redeliver, stackEnv } from '@hexfleet/testing';
import { randomBytes } from 'node:crypto';
import { assignOnceEnrolled, defineStructure, listOf, settled } from './support/april-flow';
import { payrollWithHrms, storedEvents } from './support/service-harness';

type Slip = { employeeName: string; paymentDays: number; grossMinor: number; netMinor: number; final: boolean };

// Payroll hears every HRMS fact through Kafka (policy payroll-hrms-facts) and recomputes the
// employee's payslip in the open (draft) run of the month at once.
describe('HRMS facts change payslips of the open period, each once', () => {
  const services = payrollWithHrms('open');

  it('absence, unpaid leave approved then cancelled, a redelivered absence, and a separation', async () => {
    const { issuer, local: payroll, built: hrms } = services;
    const tenant = `open${randomBytes(4).toString('hex')}`;
    const [hr, manager, admin] = await Promise.all(
      ['hr', 'manager', 'payroll-admin'].map((role) => issuer.mint({ tenant, roles: [role] })),
    );
    const person = {
      department: 'Ops',
      designation: 'Analyst',
      employmentType: 'full-time',
      joiningDate: '2026-03-02',
    };
    const hire = async (firstName: string) => {
      const body = { ...person, firstName, workEmail: `${firstName}@example.com` };
      return (await hrms.call('POST', '/employees', { token: hr, body })).body.employeeId as string;
    };
    const [ada, cy] = [await hire('Ada'), await hire('Cy')];
    const structureId = await defineStructure(payroll, admin, 'Ops', [
      { code: 'BASIC', kind: 'earning', basisPoints: 10_000 },
      { code: 'PF', kind: 'deduction', basisPoints: 1_200, ofComponent: 'BASIC' },
    ]);
    for (const employeeId of [ada, cy])
      await assignOnceEnrolled(payroll, admin, employeeId, { structureId, fromDate: '2026-03-02', baseMinor: 300_000 });
    expect(
      (await payroll.call('POST', '/payroll-runs', { token: admin, body: { period: '2026-04', currency: 'EUR' } }))
        .status,
    ).toBe(201);

    const slip = async (name: string) => {
      const slips = listOf<Slip>(await payroll.call('GET', '/payroll-runs/2026-04/payslips', { token: admin }));
      return slips.find((s) => s.employeeName === name) as Slip;
    };
    const figures: Array<[string, number, number]> = [];
    const adaHas = async (step: string, paymentDays: number) => {
      await settled(async () => (await slip('Ada')).paymentDays === paymentDays, `Ada ${step}`);
      const { netMinor } = await slip('Ada');
      figures.push([step, paymentDays, netMinor]);
    };
    await adaHas('run created', 30);

    const mark = (date: string, status: string) =>
      hrms.call('POST', '/attendance', { token: hr, body: { employeeId: ada, date, status } });
    expect((await mark('2026-04-09', 'absent')).status).toBe(201);
    await adaHas('absent 9 Apr', 29);

    const { leaveTypeId } = (
      await hrms.call('POST', '/leave-types', { token: hr, body: { name: 'Unpaid', unpaid: true } })
    ).body as Record<string, string>;
    const leave = { employeeId: ada, leaveTypeId, fromDate: '2026-04-13', toDate: '2026-04-14' };
    const { leaveRequestId } = (await hrms.call('POST', '/leave-requests', { token: hr, body: leave })).body as Record<
      string,
      string
    >;
    expect((await hrms.call('POST', `/leave-requests/${leaveRequestId}/approve`, { token: manager })).status).toBe(200);
    await adaHas('unpaid 13-14 Apr approved', 27);
    const cancel = await hrms.call('POST', `/leave-requests/${leaveRequestId}/cancel`, { token: hr, body: {} });
    expect(cancel.status).toBe(200);
    await adaHas('unpaid leave cancelled', 29);
    expect((await mark('2026-04-09', 'present')).status).toBe(201);
    await adaHas('9 Apr corrected to present', 30);

    // The absence, delivered again after it was corrected: were the policy's command id not derived
    // from the event id, payroll would record the absence a second time and pay 29 days.
    const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
    const key = `${tenant}:${ada}.2026-04`;
    const marked = (
      await readTopicUntil('hrms.attendance.v1', (all) => all.some((r) => r.key?.toString() === key))
    ).filter(
      (r) => r.key?.toString() === key && eventTypeOf(String(r.headers?.ce_type)) === 'EmployeeAttendanceMarked',
    );
    expect(await registry.decode(marked[0].value as Buffer)).toMatchObject({ date: '2026-04-09', status: 'absent' });
    const policy = payroll.runtime.policyRunners[0].group;
    await redeliver('hrms.attendance.v1', marked[0], policy);
    await adaHas('absence redelivered', 30);
    const absences = await storedEvents(payroll, 'AbsenceRecorded', `${tenant}/payroll-employee/${ada}`);
    expect(absences).toBe(1);

    const separated = await hrms.call('POST', `/employees/${cy}/separation`, {
      token: hr,
      body: { relievingDate: '2026-04-15', reason: 'moved abroad' },
    });
    expect(separated.status).toBe(201);
    await settled(async () => (await slip('Cy')).final, 'Cy’s final payslip');
    const final = await slip('Cy');
    console.log(`Ada's April payslip in the open run (step, payment days, net): ${JSON.stringify(figures)}`);
    console.log(`AbsenceRecorded events after the redelivery: ${absences}`);
    console.log(`Cy's final payslip: ${JSON.stringify(final)}`);
    // By hand: base 3000.00 EUR, April 30 days, 100.00 a day; PF 12% of the prorated basic.
    expect(figures.map(([, days, net]) => [days, net])).toEqual([
      [30, 264_000],
      [29, 255_200],
      [27, 237_600],
      [29, 255_200],
      [30, 264_000],
      [30, 264_000],
    ]);
    expect(final).toMatchObject({ paymentDays: 15, grossMinor: 150_000, netMinor: 132_000, final: true });
  });
});
