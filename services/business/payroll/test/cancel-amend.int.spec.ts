import type { Reply } from '@hexfleet/testing';
import { randomBytes } from 'node:crypto';
import { figures, listOf, must, payApril, settled, Slip } from './support/april-flow';
import { payrollWithHrms } from './support/service-harness';

type Run = { runId: string; revision: number; status: string; amendsRunId: string | null; netMinor: number };

// A finalized run is immutable: what changes it is cancel-and-amend (a new revision from today's
// facts) or a plain cancel, which also reopens the period for unpaid leave in HRMS.
describe('cancel and amend a finalized pay run through REST', () => {
  const services = payrollWithHrms('amend');

  it('amends April after a late absence, finalizes the revision, cancels it, and HRMS reopens April', async () => {
    const { local: payroll, built: hrms } = services;
    const april = await payApril(services, `amend${randomBytes(4).toString('hex')}`);
    const { admin, hr } = april.tokens;
    const { Ada } = april.ids;
    const call = (method: string, path: string, body?: unknown) => payroll.call(method, path, { token: admin, body });

    // A late absence: payroll records it, but the finalized payslip stays as paid.
    must(
      await hrms.call('POST', '/attendance', {
        token: hr,
        body: { employeeId: Ada, date: '2026-04-20', status: 'absent' },
      }),
      201,
    );
    const adaDays = async () => (await call('GET', `/employees/${Ada}/payment-days?period=2026-04`)).body.paymentDays;
    await settled(async () => (await adaDays()) === 27, 'payroll recording the absence');
    const paid = listOf<Slip>(await call('GET', '/payroll-runs/2026-04/payslips'));
    expect(paid.find((s) => s.employeeId === Ada)?.paymentDays).toBe(28);

    const draftAmend = await call('POST', '/payroll-runs/2026-09/amend', { reason: 'nothing to amend' });
    const amended = await call('POST', '/payroll-runs/2026-04/amend', { reason: 'absence on 20 April' });
    expect(amended.status).toBe(201);
    const token = { 'x-consistency-token': amended.headers.get('x-consistency-token') ?? '' };
    const revised = listOf<Slip>(
      await payroll.call('GET', '/payroll-runs/2026-04/payslips', { token: admin, headers: token }),
    );
    console.log(`April revision 2 payslips: ${JSON.stringify(figures(revised))}`);
    // By hand, Ada 27 days: Basic 310000*27/30 = 279000, HRA 111600, PF 33480; gross 390600, net 357120.
    expect(figures(revised)[0]).toEqual({
      employeeName: 'Ada',
      paymentDays: 27,
      grossMinor: 390_600,
      deductionsMinor: 33_480,
      netMinor: 357_120,
    });
    expect(figures(revised).slice(1)).toEqual(figures(april.slips).slice(1));

    const amendDraft = await call('POST', '/payroll-runs/2026-04/amend', {});
    must(await call('POST', '/payroll-runs/2026-04/finalize'), 200);
    const cancelled = await call('POST', '/payroll-runs/2026-04/cancel', { reason: 'paid by hand this month' });
    const cancelAgain = await call('POST', '/payroll-runs/2026-04/cancel', {});
    const runs = listOf<Run>(
      await payroll.call('GET', '/payroll-runs/2026-04', {
        token: admin,
        headers: { 'x-consistency-token': cancelled.headers.get('x-consistency-token') ?? '' },
      }),
    );
    const table = runs.map(({ revision, status, amendsRunId, netMinor }) => ({
      revision,
      status,
      amendsRunId,
      netMinor,
    }));
    console.log(`April runs: ${JSON.stringify(table)}`);
    expect(table).toEqual([
      { revision: 2, status: 'cancelled', amendsRunId: april.runId, netMinor: 1_131_520 },
      { revision: 1, status: 'cancelled', amendsRunId: null, netMinor: 1_144_746 },
    ]);
    expect((await call('GET', '/payroll-runs/2026-04/payslips')).body).toEqual([]);
    const adaSlips = listOf<Record<string, unknown>>(await call('GET', `/employees/${Ada}/payslips`));
    expect(adaSlips.map((s) => [s.revision, s.status, s.paymentDays])).toEqual([
      [2, 'cancelled', 27],
      [1, 'cancelled', 28],
    ]);

    // HRMS hears the cancellation and takes unpaid leave in April again.
    const leave = {
      employeeId: april.ids.Cy,
      leaveTypeId: april.leaveTypeId,
      fromDate: '2026-04-21',
      toDate: '2026-04-21',
    };
    let reopened: Reply | undefined;
    await settled(async () => {
      reopened = await hrms.call('POST', '/leave-requests', { token: hr, body: leave });
      return reopened.status === 201;
    }, 'HRMS taking unpaid leave in the reopened April');
    const rerun = await call('POST', '/payroll-runs', { period: '2026-04', currency: 'EUR' });
    const answers = { draftAmend, amendDraft, cancelled, cancelAgain, reopened: reopened as Reply, rerun };
    const statuses = Object.fromEntries(
      Object.entries(answers).map(([what, r]) => [what, `${r.status} ${r.body.code ?? ''}`.trim()]),
    );
    console.log(`answers: ${JSON.stringify(statuses)}`);
    expect(statuses).toEqual({
      draftAmend: '404 not-found',
      amendDraft: '409 payroll-run-not-finalized',
      cancelled: '200',
      cancelAgain: '409 payroll-run-cancelled',
      reopened: '201',
      rerun: '201',
    });
    const [latest] = listOf<Run>(
      await payroll.call('GET', '/payroll-runs/2026-04', {
        token: admin,
        headers: { 'x-consistency-token': rerun.headers.get('x-consistency-token') ?? '' },
      }),
    );
    expect(latest).toMatchObject({ revision: 3, status: 'draft' });
  });
});
