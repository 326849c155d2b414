import { fixedClock } from '@hexfleet/kernel';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import { expectStatus, LibrarySetup, RULE } from './support/library-setup';

// Acceptance 4: fines by hand, renewal against the holds queue, a blocked patron at the desk.
describe('fines, renewals and blocks', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let service: LibrariesHarness;
  let desk: LibrarySetup;
  const tenant = uniqueTenant('fines');

  beforeAll(async () => {
    service = await startLibraries(clock);
    desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
    await desk.rule(); // 14 days, 300 paise a day after 2 grace days, capped at 5000
  });
  afterAll(() => service?.close());

  it('a return 10 days late with 2 grace days is fined 8 days x the rate; 30 days late hits the cap', async () => {
    clock.set('2026-03-02T09:00:00Z');
    const { copyIds } = await desk.title('Late Returns', 2);
    const [asha, ravi] = [await desk.patron('Asha', 'user-asha'), await desk.patron('Ravi')];
    const first = expectStatus(await desk.borrow(copyIds[0], asha), 201).body;
    const second = expectStatus(await desk.borrow(copyIds[1], ravi), 201).body;
    expect(first.dueDate).toBe('2026-03-16'); // 2 March + 14 days

    clock.set('2026-03-26T15:00:00Z'); // 10 days after the due day
    const late = expectStatus(await service.call('POST', `/loans/${first.loanId}/return`, { token: desk.token }), 200);
    const byHand = (10 - RULE.graceDays) * RULE.fineRatePerDayMinor; // 8 x 300 = 2400
    console.log(`10 days late, 2 grace days, 300/day, cap 5000: fine ${JSON.stringify(late.body)} (by hand ${byHand})`);
    expect(late.body).toEqual({ fineMinor: byHand, currency: 'INR' });

    clock.set('2026-04-15T10:00:00Z'); // 30 days late: 28 x 300 = 8400, above the cap
    const capped = await service.call('POST', `/loans/${second.loanId}/return`, { token: desk.token });
    console.log(`30 days late: fine ${JSON.stringify(capped.body)} (uncapped ${28 * 300}, cap ${RULE.fineCapMinor})`);
    expect(expectStatus(capped, 200).body).toEqual({ fineMinor: RULE.fineCapMinor, currency: 'INR' });

    // The patron reads their own fines, fresh thanks to the consistency token; another patron is 404 to them.
    const patronToken = await service.issuer.mint({ tenant, userId: 'user-asha', roles: ['student'] });
    const fines = await service.call('GET', `/patrons/${asha}/fines`, {
      token: patronToken,
      headers: { 'x-consistency-token': late.headers.get('x-consistency-token') ?? '' },
    });
    expect(fines.headers.get('x-consistency')).toBe('fresh');
    expect(fines.body.outstanding).toEqual({ INR: byHand });
    expect((await service.call('GET', `/patrons/${ravi}/fines`, { token: patronToken })).status).toBe(404);
  });

  it('renewal is refused while another patron holds the title', async () => {
    clock.set('2026-05-04T09:00:00Z');
    const { titleId, copyIds } = await desk.title('Held Title', 1);
    const [reader, waiter] = [await desk.patron('Reader'), await desk.patron('Waiter')];
    const loan = expectStatus(await desk.borrow(copyIds[0], reader), 201).body;
    clock.set('2026-05-10T09:00:00Z');
    const renewedOnce = await service.call('POST', `/loans/${loan.loanId}/renew`, { token: desk.token });
    expect(expectStatus(renewedOnce, 200).body).toEqual({ dueDate: '2026-05-24', renewalsLeft: 1 });

    const hold = await service.call('POST', `/titles/${titleId}/holds`, {
      token: desk.token,
      body: { patronId: waiter },
    });
    expectStatus(hold, 201);
    const refused = await service.call('POST', `/loans/${loan.loanId}/renew`, { token: desk.token });
    console.log(`renewal with a hold waiting: ${refused.status} ${refused.body.code}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'title-on-hold']);

    // The return puts the copy on the hold shelf: only the waiting patron can take it.
    expectStatus(await service.call('POST', `/loans/${loan.loanId}/return`, { token: desk.token }), 200);
    expect((await desk.borrow(copyIds[0], reader)).body.code).toBe('copy-not-available');
    expectStatus(await desk.borrow(copyIds[0], waiter), 201);
  });

  it('a blocked patron cannot borrow, and can again once unblocked', async () => {
    const { copyIds } = await desk.title('Open Shelf', 1);
    const patron = await desk.patron('Blocked Reader');
    const block = { token: desk.token, body: { reason: 'unpaid fines' } };
    expectStatus(await service.call('POST', `/patrons/${patron}/block`, block), 204);
    const refused = await desk.borrow(copyIds[0], patron);
    console.log(`blocked patron borrows: ${refused.status} ${refused.body.code}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'patron-blocked']);
    const { rows } = await service.db.pool.query(
      `select 1 from eventstore.events where tenant = $1 and payload->>'patronId' = $2 and event_type = 'BookBorrowed'`,
      [tenant, patron],
    );
    expect(rows).toHaveLength(0);
    expectStatus(await service.call('POST', `/patrons/${patron}/unblock`, { token: desk.token }), 204);
    expectStatus(await desk.borrow(copyIds[0], patron), 201);
  });
});
