import { eventually, storedEvents, tenantEvents } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import { HrmsFacts } from './support/hrms-facts';
import { startPipeline, uniqueTenant } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';
import { steppingClock } from './support/stepping-clock';

interface Column {
  stageId: string;
  cards: Array<{ cardId: string; rank: string; status: string; title: string }>;
}

// The service on the real stack: HRMS's approval in through Kafka, HTTP in, event store, relay, read model, HTTP out.
describe('pipeline boards', () => {
  let service: PipelineHarness;
  let hrms: HrmsFacts;
  const clock = steppingClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    [service, hrms] = await Promise.all([startPipeline(clock), HrmsFacts.start()]);
  });
  afterAll(async () => {
    await service?.close();
    await hrms?.close();
  });

  const hr = (tenant: string) => service.issuer.mint({ tenant, roles: ['hr'] });

  async function board(token: string, pipelineId: string, after?: Reply): Promise<Column[]> {
    const headers = after ? { 'x-consistency-token': after.headers.get('x-consistency-token') ?? '' } : undefined;
    let reply = await service.call('GET', `/pipelines/${pipelineId}`, { token, headers });
    for (let tries = 1; reply.headers.get('x-consistency') === 'stale' && tries < 10; tries++)
      reply = await service.call('GET', `/pipelines/${pipelineId}`, { token, headers });
    expect(reply.status).toBe(200);
    return reply.body.columns as Column[];
  }
  const column = (columns: Column[], stageId: string) =>
    columns.find((c) => c.stageId === stageId)?.cards.map((c) => c.title);

  async function apply(token: string, jobId: string, name: string) {
    const reply = await service.call('POST', `/pipelines/${jobId}/candidates`, {
      token,
      body: { firstName: name, email: `${name.toLowerCase()}@example.com` },
    });
    expect(reply.status).toBe(201);
    return { id: String(reply.body.candidateId), reply };
  }

  it('an approved job opening gets a recruitment board with its places; a candidate applies once per job', async () => {
    const tenant = uniqueTenant();
    const token = await hr(tenant);
    const jobId = await hrms.approvedJob(service, tenant, token, 2);
    const pipelines = await service.call('GET', '/pipelines', { token });
    expect(pipelines.body.items).toEqual([
      expect.objectContaining({
        pipelineId: jobId,
        kind: 'recruitment',
        name: 'Senior Accountant',
        places: 2,
        placesLeft: 2,
      }),
    ]);
    const ada = await apply(token, jobId, 'Ada');
    const again = await service.call('POST', `/pipelines/${jobId}/candidates`, {
      token,
      body: { firstName: 'Ada', email: 'ADA@example.com' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'candidate-already-applied']);
    const columns = await board(token, jobId, ada.reply);
    expect(columns.map((c) => c.stageId)).toEqual(['applied', 'screening', 'interview', 'offer', 'hired', 'rejected']);
    expect(column(columns, 'applied')).toEqual(['Ada']);
  });

  it('two moves into one column at once are both kept, in an order every reader agrees on', async () => {
    const tenant = uniqueTenant();
    const token = await hr(tenant);
    const jobId = await hrms.approvedJob(service, tenant, token, 3);
    const names = ['Ada', 'Bob', 'Cy', 'Dee'];
    const cards: Record<string, string> = {};
    for (const name of names) cards[name] = (await apply(token, jobId, name)).id;
    // Ada and Dee go to screening, one after the other: [Ada, Dee].
    await service.call('POST', `/cards/${cards.Ada}/move`, { token, body: { stageId: 'screening' } });
    const dee = await service.call('POST', `/cards/${cards.Dee}/move`, {
      token,
      body: { stageId: 'screening', afterCardId: cards.Ada },
    });
    expect(dee.status).toBe(200);
    await board(token, jobId, dee);

    // Two users, at once, each put a card between Ada and Dee.
    const [bob, cy] = await Promise.all(
      ['Bob', 'Cy'].map((name) =>
        service.call('POST', `/cards/${cards[name]}/move`, {
          token,
          body: { stageId: 'screening', afterCardId: cards.Ada, beforeCardId: cards.Dee },
        }),
      ),
    );
    expect([bob.status, cy.status]).toEqual([200, 200]);
    await board(token, jobId, bob);
    const columns = await board(token, jobId, cy);
    const screening = columns.find((c) => c.stageId === 'screening')?.cards ?? [];
    // Both kept, between Ada and Dee; equal ranks are ordered by card id, so the order is defined.
    expect(screening.map((c) => c.title)).toHaveLength(4);
    expect(screening[0].title).toBe('Ada');
    expect(screening[3].title).toBe('Dee');
    const middle = screening.slice(1, 3);
    expect(middle.map((c) => c.title).sort()).toEqual(['Bob', 'Cy']);
    expect(
      [...middle].sort((a, b) => (a.rank === b.rank ? (a.cardId < b.cardId ? -1 : 1) : a.rank < b.rank ? -1 : 1)),
    ).toEqual(middle);
    expect(column(columns, 'applied')).toEqual([]);

    // Time in stage: Ada entered applied, then screening; the card shows both stays.
    const ada = await service.call('GET', `/cards/${cards.Ada}`, { token });
    const history = ada.body.history as Array<{
      stageId: string;
      enteredAt: string;
      leftAt: string | null;
      seconds: number;
    }>;
    expect(history.map((h) => h.stageId)).toEqual(['applied', 'screening']);
    expect(history[0].leftAt).toBe(history[1].enteredAt);
    expect(history[0].seconds).toBeGreaterThan(0);
  });

  it('the last place of a job, taken by two hires at once: one is hired, the other refused, and the job is filled', async () => {
    const tenant = uniqueTenant();
    const token = await hr(tenant);
    const jobId = await hrms.approvedJob(service, tenant, token, 1);
    const ada = await apply(token, jobId, 'Ada');
    const bob = await apply(token, jobId, 'Bob');
    const hires = await Promise.all(
      [ada.id, bob.id].map((id) =>
        service.call('POST', `/cards/${id}/hire`, { token, body: { joiningDate: '2026-04-01' } }),
      ),
    );
    expect(hires.map((h) => h.status).sort()).toEqual([200, 409]);
    expect(hires.find((h) => h.status === 409)?.body.code).toBe('no-places-left');
    expect(await tenantEvents(service, tenant, ['CandidateHired'])).toBe(1);
    expect(await tenantEvents(service, tenant, ['JobPlaceTaken'])).toBe(1);
    expect(await tenantEvents(service, tenant, ['JobOpeningFilled'])).toBe(1);
    const winner = hires.find((h) => h.status === 200) ?? hires[0];
    const columns = await board(token, jobId, winner);
    expect(columns.find((c) => c.stageId === 'hired')?.cards).toHaveLength(1);
    await eventually(
      async () =>
        ((await service.call('GET', '/pipelines', { token })).body.items as Array<{ placesLeft: number }>)[0]
          .placesLeft === 0,
      { what: 'no place left' },
    );
    const report = await service.call('GET', `/pipelines/${jobId}/time-to-hire`, { token });
    expect(report.body).toMatchObject({ hires: 1 });
  });

  it('a closed card moves only after an explicit reopen; a hire is final', async () => {
    const tenant = uniqueTenant();
    const token = await hr(tenant);
    const jobId = await hrms.approvedJob(service, tenant, token, 2);
    const ada = await apply(token, jobId, 'Ada');
    const reasonless = await service.call('POST', `/cards/${ada.id}/close`, { token, body: { outcome: 'lost' } });
    expect([reasonless.status, reasonless.body.code]).toEqual([422, 'reason-required']);
    const rejected = await service.call('POST', `/cards/${ada.id}/close`, {
      token,
      body: { outcome: 'lost', reason: 'No work permit' },
    });
    expect(rejected.status).toBe(200);
    const moved = await service.call('POST', `/cards/${ada.id}/move`, { token, body: { stageId: 'screening' } });
    expect([moved.status, moved.body.code]).toEqual([409, 'card-closed']);
    const reopened = await service.call('POST', `/cards/${ada.id}/reopen`, { token, body: { stageId: 'interview' } });
    expect(reopened.status).toBe(200);
    const movedNow = await service.call('POST', `/cards/${ada.id}/move`, { token, body: { stageId: 'offer' } });
    expect(movedNow.status).toBe(200);
    const columns = await board(token, jobId, movedNow);
    expect(column(columns, 'offer')).toEqual(['Ada']);
    expect(column(columns, 'rejected')).toEqual([]);

    const hired = await service.call('POST', `/cards/${ada.id}/hire`, { token, body: { joiningDate: '2026-04-01' } });
    expect(hired.status).toBe(200);
    const reopenHired = await service.call('POST', `/cards/${ada.id}/reopen`, { token, body: {} });
    expect([reopenHired.status, reopenHired.body.code]).toEqual([409, 'hired-is-final']);
    expect(await storedEvents(service, 'CandidateReopened')).toBeGreaterThanOrEqual(1);
  });
});
