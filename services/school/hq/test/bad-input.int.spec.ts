import { fixedClock } from '@hexfleet/kernel';
import { badInputCases, openApiOf, sendBadInputs, tenantEvents } from '@hexfleet/testing';
import { openSchool, readAfter, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

// Every endpoint in /openapi.json, each path id, query parameter and body field broken in turn,
// answers 400/422 problem+json naming the field, and nothing is written.
describe('bad input on every HQ endpoint', () => {
  let service: HqHarness;
  const tenant = uniqueTenant('bad');

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-03-02T09:00:00Z'));
  });
  afterAll(() => service?.close());

  const eventCount = () => tenantEvents(service, tenant);

  it('answers every malformed or out-of-range request with a problem naming the field, and writes nothing', async () => {
    // Real ids everywhere but the broken spot, so a request that slipped through validation would act.
    const token = await tokens(service, tenant).hq();
    const { schoolId, reply } = await openSchool(service, token);
    await readAfter(service, reply, `/schools/${schoolId}`, token);
    const year = await service.call('POST', '/academic-years', {
      token,
      body: {
        name: '2026-27',
        startDate: '2026-06-01',
        endDate: '2027-03-31',
        terms: [{ name: 'Term 1', startDate: '2026-06-01', endDate: '2027-03-31' }],
      },
    });
    const ids = { id: schoolId, schoolId, yearId: String(year.body.yearId) };

    const openapi = openApiOf(await service.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, ids);
    const before = await eventCount();
    const { failures, statuses } = await sendBadInputs(cases, (c) =>
      service.call(c.method, c.path, { token, body: c.body }),
    );
    const after = await eventCount();
    console.log(
      `hq: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `events in the tenant before ${before}, after ${after}; no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(after).toBe(before);
    // GET /group-policy takes no input at all; every other operation was walked.
    expect(inputless).toEqual(['GET /group-policy']);
  });
});
