import { fixedClock } from '@hexfleet/kernel';
import { badInputCases, openApiOf, sendBadInputs, tenantEvents } from '@hexfleet/testing';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import { expectStatus, LibrarySetup } from './support/library-setup';

// Acceptance 6: every endpoint in /openapi.json, each path id, query parameter and body field broken
// in turn, answers 400/422 problem+json naming the field, and nothing is written.
describe('bad input on every Libraries endpoint', () => {
  let service: LibrariesHarness;
  const tenant = uniqueTenant('bad');

  beforeAll(async () => {
    service = await startLibraries(fixedClock('2026-03-02T09:00:00Z'));
  });
  afterAll(() => service?.close());

  const eventCount = () => tenantEvents(service, tenant);

  it('answers every malformed or out-of-range request with a problem naming the field, and writes nothing', async () => {
    // Real ids everywhere but the broken spot, so a request that slipped through validation would act.
    const token = await service.issuer.mint({ tenant, roles: ['librarian', 'school-admin'] });
    const desk = new LibrarySetup(service, token);
    await desk.rule();
    const { titleId, copyIds } = await desk.title('Bad Input', 2);
    const [patronId, waiting] = [await desk.patron('Reader', 'user-reader'), await desk.patron('Waiting')];
    const loan = expectStatus(await desk.borrow(copyIds[0], patronId), 201);
    const hold = await service.call('POST', `/titles/${titleId}/holds`, { token, body: { patronId: waiting } });
    const ids = {
      schoolId: desk.schoolId,
      titleId,
      copyId: copyIds[1],
      patronId,
      loanId: String(loan.body.loanId),
      holdId: String(expectStatus(hold, 201).body.holdId),
    };

    const openapi = openApiOf(await service.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, ids);
    const before = await eventCount();
    const { failures, statuses } = await sendBadInputs(cases, (c) =>
      service.call(c.method, c.path, { token, body: c.body }),
    );
    const after = await eventCount();
    console.log(
      `libraries: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `events in the tenant before ${before}, after ${after}; no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(after).toBe(before);
    // Every operation takes some input, and so was walked.
    expect(inputless).toEqual([]);
  });
});
