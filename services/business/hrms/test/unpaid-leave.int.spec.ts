import { eventually } from '@hexfleet/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { hrmsWithPayroll } from './support/service-harness';

describe('leave: approving unpaid leave changes payment days of the open period in payroll', () => {
  const services = hrmsWithPayroll('leave');

  it('marks the days on leave in HRMS and takes them off April’s payment days; cancelling gives them back', async () => {
    const { issuer, local: hrms, built: payroll } = services;
    const tenant = `leave${randomBytes(4).toString('hex')}`;
    const userId = randomUUID();
    const [hr, manager, employee, admin] = await Promise.all([
      issuer.mint({ tenant, roles: ['hr'] }),
      issuer.mint({ tenant, roles: ['manager'] }),
      issuer.mint({ tenant, userId, roles: ['employee', 'manager'] }),
      issuer.mint({ tenant, roles: ['payroll-admin'] }),
    ]);
    const hired = await hrms.call('POST', '/employees', {
      token: hr,
      body: {
        firstName: 'Grace',
        lastName: 'Hopper',
        workEmail: 'grace@example.com',
        joiningDate: '2026-03-02',
        department: 'Engineering',
        designation: 'Engineer',
        employmentType: 'full-time',
        userId,
      },
    });
    const employeeId = hired.body.employeeId as string;
    const unpaidType = await hrms.call('POST', '/leave-types', {
      token: hr,
      body: { name: 'Without pay', unpaid: true },
    });
    const leaveTypeId = unpaidType.body.leaveTypeId as string;
    const paymentDays = async () =>
      (await payroll.call('GET', `/employees/${employeeId}/payment-days?period=2026-04`, { token: admin })).body;
    await eventually(async () => (await paymentDays()).paymentDays === 30, { what: 'payroll enrolling Grace' });
    // Wait until the directory knows Grace's user, so her own application is hers.
    await eventually(async () => (await hrms.call('GET', `/employees/${employeeId}`, { token: hr })).status === 200);

    const applied = await hrms.call('POST', '/leave-requests', {
      token: employee,
      body: { leaveTypeId, fromDate: '2026-04-06', toDate: '2026-04-07', reason: 'moving house' },
    });
    expect(applied.status).toBe(201);
    const leaveRequestId = applied.body.leaveRequestId as string;
    const own = await hrms.call('POST', `/leave-requests/${leaveRequestId}/approve`, { token: employee });
    expect([own.status, own.body.code]).toEqual([409, 'self-approval-not-allowed']);
    const approved = await hrms.call('POST', `/leave-requests/${leaveRequestId}/approve`, { token: manager });
    expect(approved.status).toBe(200);

    await eventually(async () => (await paymentDays()).paymentDays === 28, {
      what: 'payroll taking 2 unpaid days off',
    });
    const after = await paymentDays();
    console.log(`April after 2 days unpaid leave: ${JSON.stringify(after)}`);
    expect(after).toMatchObject({ periodDays: 30, employedDays: 30, unpaidLeaveDays: 2, paymentDays: 28 });

    const sheet = await hrms.call('GET', `/attendance?employeeId=${employeeId}&month=2026-04`, {
      token: hr,
      headers: { 'x-consistency-token': approved.headers.get('x-consistency-token') ?? '' },
    });
    expect(sheet.body.totals).toMatchObject({ onLeave: 2 });
    // The approval wrote two streams (the request and the attendance sheet) and its token names
    // both: the leave calendar waits for the request and passes over the sheet, a topic it does not read.
    const calendar = await hrms.call('GET', '/leave-requests/calendar?fromDate=2026-04-01&toDate=2026-04-30', {
      token: manager,
      headers: { 'x-consistency-token': approved.headers.get('x-consistency-token') ?? '' },
    });
    expect(calendar.headers.get('x-consistency')).toBe('fresh');
    expect(calendar.body).toEqual([
      expect.objectContaining({ leaveRequestId, status: 'approved', firstName: 'Grace', totalDays: 2 }),
    ]);

    const cancelled = await hrms.call('POST', `/leave-requests/${leaveRequestId}/cancel`, {
      token: employee,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    await eventually(async () => (await paymentDays()).paymentDays === 30, { what: 'payroll giving the days back' });
  });

  it('reserves paid days from the allocation: the balance shows what is left, and cannot be overspent', async () => {
    const { issuer, local: hrms } = services;
    const tenant = `paid${randomBytes(4).toString('hex')}`;
    const hr = await issuer.mint({ tenant, roles: ['hr'] });
    const hired = await hrms.call('POST', '/employees', {
      token: hr,
      body: {
        firstName: 'Alan',
        workEmail: 'alan@example.com',
        joiningDate: '2026-01-05',
        department: 'Research',
        designation: 'Scientist',
        employmentType: 'full-time',
      },
    });
    const employeeId = hired.body.employeeId as string;
    const type = await hrms.call('POST', '/leave-types', { token: hr, body: { name: 'Casual', unpaid: false } });
    const leaveTypeId = type.body.leaveTypeId as string;
    const allocated = await hrms.call('POST', '/leave-allocations', {
      token: hr,
      body: { employeeId, leaveTypeId, year: 2026, days: 3 },
    });
    expect(allocated.status).toBe(201);
    const apply = (fromDate: string, toDate: string) =>
      hrms.call('POST', '/leave-requests', { token: hr, body: { employeeId, leaveTypeId, fromDate, toDate } });
    expect((await apply('2026-05-04', '2026-05-05')).status).toBe(201);
    const over = await apply('2026-05-11', '2026-05-12');
    expect([over.status, over.body.code]).toEqual([409, 'insufficient-leave-balance']);
    const backwards = await apply('2026-05-12', '2026-05-11');
    expect([backwards.status, backwards.body.code]).toEqual([422, 'leave-ends-before-start']);

    await eventually(
      async () => {
        const balances: unknown = (await hrms.call('GET', `/leave-allocations?employeeId=${employeeId}`, { token: hr }))
          .body;
        return Array.isArray(balances) && balances[0]?.availableDays === 1;
      },
      { what: 'the balance showing 1 of 3 days left' },
    );
  });
});
