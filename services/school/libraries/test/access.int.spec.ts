import { fixedClock } from '@hexfleet/kernel';
import { eventually } from '@hexfleet/testing';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import { expectStatus, LibrarySetup } from './support/library-setup';

// The tenant comes only from the verified token: no token, no service; another tenant's loan does not exist.
describe('who may call', () => {
  let service: LibrariesHarness;
  const [tenant, other] = [uniqueTenant('own'), uniqueTenant('other')];

  beforeAll(async () => {
    service = await startLibraries(fixedClock('2026-03-02T09:00:00Z'));
  });
  afterAll(() => service?.close());

  it('refuses a request without a token, a patron at the desk, and shows another tenant nothing', async () => {
    const noToken = await service.call('GET', `/titles?schoolId=${crypto.randomUUID()}`);
    expect([noToken.status, noToken.body.type !== undefined]).toEqual([401, true]);

    const desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
    await desk.rule();
    const { copyIds } = await desk.title('Private Matter', 1);
    const patron = await desk.patron('Owner', 'user-owner');
    const student = await service.issuer.mint({ tenant, userId: 'user-owner', roles: ['student'] });
    expect(
      (await service.call('POST', '/loans', { token: student, body: { copyId: copyIds[0], patronId: patron } })).status,
    ).toBe(403);
    const loan = expectStatus(await desk.borrow(copyIds[0], patron), 201);
    const loanId = String(loan.body.loanId);

    const intruder = await service.issuer.mint({ tenant: other, roles: ['librarian', 'school-admin'] });
    const replies = {
      read: await service.call('GET', `/loans/${loanId}`, { token: intruder }),
      loans: await service.call('GET', `/patrons/${patron}/loans`, { token: intruder }),
      returned: await service.call('POST', `/loans/${loanId}/return`, { token: intruder }),
      renewed: await service.call('POST', `/loans/${loanId}/renew`, { token: intruder }),
    };
    console.log(
      `another tenant's librarian: ${JSON.stringify(Object.fromEntries(Object.entries(replies).map(([k, r]) => [k, r.status])))}`,
    );
    expect(replies.read.status).toBe(404);
    expect(replies.loans.body).toEqual([]); // their own tenant has no such patron: staff see an empty list
    expect(replies.returned.status).toBe(404);
    expect(replies.renewed.status).toBe(404);

    // The loan is untouched, and its patron sees it. The checkout's token covers the loan stream;
    // the patron's link to their user comes from another topic, so it may land a moment later.
    let own: Awaited<ReturnType<typeof service.call>> | undefined;
    await eventually(
      async () => {
        own = await service.call('GET', `/patrons/${patron}/loans`, {
          token: student,
          headers: { 'x-consistency-token': loan.headers.get('x-consistency-token') ?? '' },
        });
        return own.status === 200;
      },
      { what: "the patron's own loans" },
    );
    expect(own?.body).toEqual([expect.objectContaining({ loanId, status: 'active' })]);
  });
});
