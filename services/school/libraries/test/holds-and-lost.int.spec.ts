import { fixedClock } from '@hexfleet/kernel';
import { eventually, listOf } from '@hexfleet/testing';
import { HoldExpiryJob } from '../src/application/hold-expiry.job';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import { expectStatus, LibrarySetup, RULE } from './support/library-setup';

type Hold = { holdId: string; patronId: string; status: string; copyId: string | null; pickupBy: string | null };

// Self-service holds, the hold shelf's expiry job, and copies lost, damaged or withdrawn.
describe('holds queue and lost items', () => {
  const clock = fixedClock('2026-06-01T09:00:00Z');
  let service: LibrariesHarness;
  let desk: LibrarySetup;
  const tenant = uniqueTenant('shelf');

  beforeAll(async () => {
    service = await startLibraries(clock);
    desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
    await desk.rule();
  });
  afterAll(() => service?.close());

  const queue = async (titleId: string, consistencyToken: string) => {
    const reply = await service.call('GET', `/titles/${titleId}/holds`, {
      token: desk.token,
      headers: { 'x-consistency-token': consistencyToken },
    });
    return listOf<Hold>(reply);
  };

  it('patrons place their own holds; an uncollected hold expires and the copy goes to the next in line', async () => {
    const { titleId, copyIds } = await desk.title('Wanted Book', 1);
    const [reader, asha, ravi] = [
      await desk.patron('Reader'),
      await desk.patron('Asha', 'user-asha'),
      await desk.patron('Ravi', 'user-ravi'),
    ];
    const loan = expectStatus(await desk.borrow(copyIds[0], reader), 201).body;
    const [ashaToken, raviToken] = await Promise.all(
      ['user-asha', 'user-ravi'].map((userId) => service.issuer.mint({ tenant, userId, roles: ['student'] })),
    );
    // The patron link comes with PatronRegistered through the read model: wait until Asha is known as herself.
    await eventually(
      async () => (await service.call('GET', `/patrons/${asha}/holds`, { token: ashaToken })).status === 200,
      { what: "Asha's patron link" },
    );
    const forSomeoneElse = await service.call('POST', `/titles/${titleId}/holds`, {
      token: ashaToken,
      body: { patronId: ravi },
    });
    expect(forSomeoneElse.status).toBe(404);
    const own = await service.call('POST', `/titles/${titleId}/holds`, { token: ashaToken, body: { patronId: asha } });
    expectStatus(own, 201);
    await eventually(
      async () => (await service.call('GET', `/patrons/${ravi}/holds`, { token: raviToken })).status === 200,
      { what: "Ravi's patron link" },
    );
    expectStatus(
      await service.call('POST', `/titles/${titleId}/holds`, { token: raviToken, body: { patronId: ravi } }),
      201,
    );

    // The return shelves the copy for Asha, first in the queue, for 7 pickup days (to 17 June).
    clock.set('2026-06-10T09:00:00Z');
    const returned = expectStatus(
      await service.call('POST', `/loans/${String(loan.loanId)}/return`, { token: desk.token }),
      200,
    );
    const job = service.app.get(HoldExpiryJob);
    await eventually(async () => (await queue(titleId, '')).some((h) => h.status === 'ready'));
    const ready = await queue(titleId, returned.headers.get('x-consistency-token') ?? '');
    expect(ready.map((h) => [h.patronId, h.status, h.pickupBy])).toEqual([
      [asha, 'ready', '2026-06-17'],
      [ravi, 'waiting', null],
    ]);
    expect(await job.scan()).toBe(0); // still within the pickup days

    clock.set('2026-06-18T09:00:00Z'); // the day after the last pickup day
    const runs = [await job.scan(), await job.scan()];
    // Asha's expiry and Ravi's turn are one append: wait for both, not only the first.
    await eventually(async () => (await queue(titleId, '')).every((h) => h.patronId === ravi && h.status === 'ready'));
    const after = await queue(titleId, '');
    console.log(
      `hold expiry runs on 18 Jun: ${runs.join(', ')}; queue now ${JSON.stringify(after.map((h) => [h.status, h.pickupBy]))}`,
    );
    expect(runs).toEqual([1, 0]);
    expect(after.map((h) => [h.patronId, h.status, h.pickupBy])).toEqual([[ravi, 'ready', '2026-06-25']]);
    const { rows } = await service.db.pool.query<{ event_type: string }>(
      `select event_type from eventstore.events where tenant = $1 and event_type in
         ('HoldExpired', 'CopyReleasedFromHoldShelf', 'HoldReadyForPickup')`,
      [tenant],
    );
    // Copy and title streams, one transaction: their order between streams means nothing.
    expect(rows.map((r) => r.event_type).sort()).toEqual([
      'CopyReleasedFromHoldShelf',
      'HoldExpired',
      'HoldReadyForPickup',
      'HoldReadyForPickup',
    ]);
    // Only Ravi can take the copy now.
    expect((await desk.borrow(copyIds[0], asha)).body.code).toBe('copy-not-available');
    expectStatus(await desk.borrow(copyIds[0], ravi), 201);
  });

  it('a lost loan is charged the late days and the replacement; damaged and withdrawn copies leave the shelf', async () => {
    clock.set('2026-07-01T09:00:00Z');
    const { titleId, copyIds } = await desk.title('Fragile Atlas', 3);
    const patron = await desk.patron('Careless');
    const loan = expectStatus(await desk.borrow(copyIds[0], patron), 201).body; // due 15 July
    clock.set('2026-07-20T09:00:00Z'); // 5 days late: 3 chargeable x 300
    const lost = await service.call('POST', `/loans/${String(loan.loanId)}/lost`, {
      token: desk.token,
      body: { replacementFeeMinor: 45000, currency: 'INR' },
    });
    const byHand = (5 - RULE.graceDays) * RULE.fineRatePerDayMinor + 45000;
    console.log(`lost 5 days late, replacement 45000: ${JSON.stringify(lost.body)} (by hand ${byHand})`);
    expect(expectStatus(lost, 200).body).toEqual({ fineMinor: byHand, currency: 'INR' });

    const token = desk.token;
    expectStatus(await service.call('POST', `/copies/${copyIds[1]}/damaged`, { token, body: { note: 'torn' } }), 204);
    expectStatus(await service.call('POST', `/copies/${copyIds[2]}/withdraw`, { token, body: { reason: 'old' } }), 204);
    const damagedLoan = await desk.borrow(copyIds[1], patron);
    expect([damagedLoan.status, damagedLoan.body.code]).toEqual([409, 'copy-not-available']);
    expectStatus(await service.call('POST', `/copies/${copyIds[1]}/repair`, { token }), 204);
    await eventually(async () => {
      const title = (await service.call('GET', `/titles/${titleId}`, { token })).body as {
        copies?: Array<{ status: string }>;
      };
      return JSON.stringify(title.copies?.map((c) => c.status)) === '["lost","available","withdrawn"]';
    });
    const fines = await service.call('GET', `/patrons/${patron}/fines`, {
      token,
      headers: { 'x-consistency-token': lost.headers.get('x-consistency-token') ?? '' },
    });
    expect(fines.body).toMatchObject({ outstanding: { INR: byHand }, fines: [{ status: 'lost' }] });
  });
});
