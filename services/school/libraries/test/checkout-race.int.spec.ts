import { fixedClock } from '@hexfleet/kernel';
import { eventually, listOf } from '@hexfleet/testing';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import { expectStatus, LibrarySetup } from './support/library-setup';

// Acceptance 3: the copy stream's version, not a read model, decides who gets the last copies.
describe('checkout under contention', () => {
  let service: LibrariesHarness;
  const tenant = uniqueTenant('race');

  beforeAll(async () => {
    service = await startLibraries(fixedClock('2026-03-02T09:00:00Z'));
  });
  afterAll(() => service?.close());

  it('50 patrons racing for the last 3 copies: exactly 3 loans, 47 get 409 copy-not-available', async () => {
    const desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
    await desk.rule();
    const { titleId, copyIds } = await desk.title('Popular Novel', 3);
    const patrons = await Promise.all(Array.from({ length: 50 }, (_, i) => desk.patron(`Patron ${i + 1}`)));

    // Each patron goes for one of the three copies, as at a busy desk: ~17 racers per copy.
    const replies = await Promise.all(patrons.map((patronId, i) => desk.borrow(copyIds[i % 3], patronId)));
    const outcomes = replies.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.code}`));
    const tally = outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
    console.log(`50 concurrent checkouts of 3 copies: ${JSON.stringify(tally)}`);
    expect(tally).toEqual({ '201': 3, '409 copy-not-available': 47 });

    // The event store: one CopyLent per copy, three BookBorrowed, nothing from the losers.
    const { rows } = await service.db.pool.query<{ event_type: string; n: string }>(
      `select event_type, count(*) as n from eventstore.events
       where tenant = $1 and event_type in ('CopyLent', 'BookBorrowed') group by event_type order by event_type`,
      [tenant],
    );
    expect(rows.map((r) => `${r.event_type}=${r.n}`)).toEqual(['BookBorrowed=3', 'CopyLent=3']);
    const winners = replies.filter((r) => r.status === 201).map((r) => String(r.body.loanId));
    const { rows: lent } = await service.db.pool.query<{ copy: string }>(
      `select payload->>'copyId' as copy from eventstore.events where tenant = $1 and event_type = 'CopyLent'`,
      [tenant],
    );
    expect(new Set(lent.map((r) => r.copy))).toEqual(new Set(copyIds));

    // The read models agree: three active loans (the winners), no copy left on the shelf.
    const token = desk.token;
    const lastToken = replies.find((r) => r.status === 201)?.headers.get('x-consistency-token') ?? '';
    await eventually(
      async () => {
        const loans = await Promise.all(
          winners.map((id) =>
            service.call('GET', `/loans/${id}`, { token, headers: { 'x-consistency-token': lastToken } }),
          ),
        );
        return loans.every((l) => l.status === 200 && l.body.status === 'active');
      },
      { what: 'the three loans in the circulation read model' },
    );
    await eventually(
      async () => {
        const search = await service.call('GET', `/titles?schoolId=${desk.schoolId}&q=popular`, { token });
        const [title] = listOf<{ titleId: string; copies: number; available: number }>(search);
        return title?.titleId === titleId && title.copies === 3 && title.available === 0;
      },
      { what: 'the catalogue showing no copy available' },
    );
    const { rows: active } = await service.db.pool.query<{ n: string }>(
      `select count(*) as n from "tenant_${tenant}".loans where status = 'active'`,
    );
    expect(Number(active[0].n)).toBe(3);
    expectStatus(await service.call('GET', `/titles?schoolId=${desk.schoolId}&available=true`, { token }), 200);
  });
});
