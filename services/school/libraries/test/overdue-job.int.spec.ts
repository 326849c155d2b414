import { fixedClock } from '@hexfleet/kernel';
import { eventually } from '@hexfleet/testing';
import { OverdueJob } from '../src/application/overdue.job';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import { expectStatus, LibrarySetup } from './support/library-setup';

// The scheduled job, run by hand: one LoanOverdue per loan and day, however often it runs.
describe('overdue job', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let service: LibrariesHarness;
  const tenant = uniqueTenant('late');

  beforeAll(async () => {
    service = await startLibraries(clock);
  });
  afterAll(() => service?.close());

  it('reports an overdue loan once a day, and lists it as overdue for the school', async () => {
    const desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
    await desk.rule();
    const { copyIds } = await desk.title('Overdue Book', 1);
    const borrowed = expectStatus(await desk.borrow(copyIds[0], await desk.patron('Slow Reader')), 201);
    const loanId = String(borrowed.body.loanId);
    const job = service.app.get(OverdueJob);
    await eventually(async () => (await service.call('GET', `/loans/${loanId}`, { token: desk.token })).status === 200);

    expect(await job.scan()).toBe(0); // not due yet
    clock.set('2026-03-20T08:00:00Z'); // due 16 March: 4 days late
    const runs = [await job.scan(), ...(await Promise.all([job.scan(), job.scan()])), await job.scan()];
    clock.set('2026-03-21T08:00:00Z');
    await eventually(async () => {
      const { rows } = await service.db.pool.query(
        `select 1 from "tenant_${tenant}".loans where loan_id = $1 and last_overdue_on = '2026-03-20'`,
        [loanId],
      );
      return rows.length === 1;
    });
    runs.push(await job.scan());
    console.log(`overdue notices per run (20 Mar x4, 21 Mar): ${runs.join(', ')}`);
    const { rows } = await service.db.pool.query<{ day: string; days: string }>(
      `select payload->>'asOf' as day, payload->>'daysOverdue' as days from eventstore.events
       where stream_id = $1 and event_type = 'LoanOverdue' order by stream_version`,
      [`${tenant}/loan/${loanId}`],
    );
    expect(rows).toEqual([
      { day: '2026-03-20', days: '4' },
      { day: '2026-03-21', days: '5' },
    ]);
    const overdue = await service.call('GET', `/schools/${desk.schoolId}/overdue-loans`, { token: desk.token });
    expect(overdue.body).toMatchObject({ asOf: '2026-03-21', loans: [{ loanId, dueDate: '2026-03-16' }] });
  });
});
