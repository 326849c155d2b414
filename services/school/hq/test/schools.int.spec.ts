import { fixedClock } from '@hexfleet/kernel';
import { openSchool, outcomes, readAfter, startHq, tokens, uniqueCode, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

const NOW = '2026-03-02T09:00:00.000Z';
const PRINCIPAL = '0195f0a2-7c1e-7000-8000-0000000000b1';

// The service on the real stack: HTTP in, event store, relay, Kafka, read model, HTTP out.
describe('HQ opens and closes schools', () => {
  let service: HqHarness;
  const tenant = uniqueTenant();

  beforeAll(async () => {
    service = await startHq(fixedClock(NOW));
  });
  afterAll(() => service?.close());

  it('opens a school, with its code upper-cased, and reads it back from the directory', async () => {
    const token = await tokens(service, tenant).hq();
    const code = uniqueCode('n');
    const { schoolId, reply } = await openSchool(service, token, { code: code.toLowerCase(), name: ' North ' });
    const read = await readAfter(service, reply, `/schools/${schoolId}`, token);
    expect(read.body).toEqual({
      schoolId,
      code: code.toUpperCase(),
      name: 'North',
      timeZone: 'Asia/Kolkata',
      status: 'open',
      principalUserId: null,
      currentYearId: null,
      openedAt: NOW,
      closedAt: null,
      closeReason: null,
    });
  });

  it('keeps a code unique in the group: of 10 concurrent openings with one code exactly one wins', async () => {
    const token = await tokens(service, tenant).hq();
    const code = uniqueCode('race');
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        service.call('POST', '/schools', { token, body: { code, name: `Racer ${i}`, timeZone: 'UTC' } }),
      ),
    );
    const tally = replies.map((r) => `${r.status} ${String(r.body.code ?? '')}`.trim()).sort();
    // A loser of the append race on the code's stream re-reads it and meets the winner's claim.
    expect(tally).toEqual(['201', ...Array<string>(9).fill('409 school-code-taken')]);
    const { rows } = await service.db.pool.query<{ n: string }>(
      `select count(*) as n from eventstore.events where tenant = $1 and event_type = 'SchoolCodeClaimed' and payload->>'code' = $2`,
      [tenant, code.toUpperCase()],
    );
    expect(Number(rows[0].n)).toBe(1);
    // Later, and in another case, the code stays taken.
    const again = await service.call('POST', '/schools', {
      token,
      body: { code: code.toLowerCase(), name: 'Late', timeZone: 'UTC' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'school-code-taken']);
  });

  it('assigns a principal, closes the school, and then refuses both again', async () => {
    const token = await tokens(service, tenant).hq();
    const { schoolId } = await openSchool(service, token);
    const assigned = await service.call('PUT', `/schools/${schoolId}/principal`, {
      token,
      body: { principalUserId: PRINCIPAL },
    });
    expect(assigned.status).toBe(200);
    const closed = await service.call('POST', `/schools/${schoolId}/close`, { token, body: { reason: 'Merged' } });
    expect(closed.status).toBe(200);
    const read = await readAfter(service, closed, `/schools/${schoolId}`, token);
    expect(read.body).toMatchObject({
      status: 'closed',
      principalUserId: PRINCIPAL,
      closeReason: 'Merged',
      closedAt: NOW,
    });

    expect(
      outcomes({
        closeAgain: await service.call('POST', `/schools/${schoolId}/close`, { token, body: { reason: 'Again' } }),
        principal: await service.call('PUT', `/schools/${schoolId}/principal`, {
          token,
          body: { principalUserId: '0195f0a2-7c1e-7000-8000-0000000000b2' },
        }),
        badZone: await service.call('POST', '/schools', {
          token,
          body: { code: uniqueCode(), name: 'X', timeZone: 'Mars/Base' },
        }),
        unknown: await service.call('POST', `/schools/${crypto.randomUUID()}/close`, { token, body: { reason: 'x' } }),
      }),
    ).toEqual({
      closeAgain: [409, 'school-already-closed'],
      principal: [409, 'school-closed'],
      badZone: [422, 'invalid-time-zone'],
      unknown: [404, 'not-found'],
    });
  });

  it('lets only HQ open or close schools', async () => {
    const hqToken = await tokens(service, tenant).hq();
    const { schoolId } = await openSchool(service, hqToken);
    const schoolAdmin = await tokens(service, tenant).at(schoolId, 'school-admin');
    expect(
      outcomes({
        open: await service.call('POST', '/schools', {
          token: schoolAdmin,
          body: { code: uniqueCode(), name: 'Mine', timeZone: 'UTC' },
        }),
        close: await service.call('POST', `/schools/${schoolId}/close`, {
          token: schoolAdmin,
          body: { reason: 'Mine now' },
        }),
        anonymous: await service.call('GET', '/schools'),
      }),
    ).toEqual({ open: [403, 'forbidden'], close: [403, 'forbidden'], anonymous: [401, 'unauthorized'] });
  });
});
