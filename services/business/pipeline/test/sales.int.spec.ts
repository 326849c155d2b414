import { randomUUID } from 'node:crypto';
import { identity } from '@hexfleet/schemas';
import { eventually, OutboxStandIn } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import { startPipeline, uniqueTenant } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';
import { steppingClock } from './support/stepping-clock';

interface ForecastRow {
  stageId: string;
  deals: number;
  amountMinor: number;
  weightedMinor: number;
}

// A sales pipeline on the real stack: owners from identity's events, deals moved, won and lost, the reports.
describe('a sales pipeline', () => {
  let service: PipelineHarness;
  let identityOutbox: OutboxStandIn;

  beforeAll(async () => {
    [service, identityOutbox] = await Promise.all([
      startPipeline(steppingClock('2026-03-02T09:00:00.000Z')),
      OutboxStandIn.start('identity', '/shared/identity', identity.contracts),
    ]);
    await identityOutbox.publish();
  });
  afterAll(async () => {
    await service?.close();
    await identityOutbox?.close();
  });

  const fresh = async (path: string, token: string, after: Reply) => {
    const headers = { 'x-consistency-token': after.headers.get('x-consistency-token') ?? '' };
    let reply = await service.call('GET', path, { token, headers });
    for (let tries = 1; reply.headers.get('x-consistency') === 'stale' && tries < 10; tries++)
      reply = await service.call('GET', path, { token, headers });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it("owns deals by the tenant's users (unassigned when they leave), weighs them by probability, and counts the funnel", async () => {
    const tenant = uniqueTenant();
    const token = await service.issuer.mint({ tenant, roles: ['manager'] });
    // Identity registers a salesperson.
    const grace = randomUUID();
    await identityOutbox.record(
      tenant,
      'user',
      grace,
      identity.userRegistered({
        userId: grace,
        product: 'business',
        email: 'grace@example.com',
        displayName: 'Grace',
        registeredVia: 'invitation',
        invitedBy: null,
        employeeId: null,
        studentId: null,
        registeredAt: '2026-03-01T09:00:00.000Z',
      }),
    );

    const created = await service.call('POST', '/pipelines', { token, body: { name: 'Enterprise' } });
    expect(created.status).toBe(201);
    const pipelineId = String(created.body.pipelineId);
    const deal = async (title: string, amountMinor: number, ownerId?: string) => {
      const reply = await service.call('POST', `/pipelines/${pipelineId}/deals`, {
        token,
        body: { title, amountMinor, currency: 'EUR', ...(ownerId ? { ownerId } : {}) },
      });
      expect([title, reply.status]).toEqual([title, 201]);
      return String(reply.body.dealId);
    };
    // The owner arrives through Kafka: until then she is not one of the tenant's users.
    let acme = '';
    await eventually(
      async () => {
        const reply = await service.call('POST', `/pipelines/${pipelineId}/deals`, {
          token,
          body: { title: 'Acme', amountMinor: 1_000_000, currency: 'EUR', ownerId: grace },
        });
        acme = String(reply.body.dealId ?? '');
        return reply.status === 201;
      },
      { what: 'Grace as an owner' },
    );

    const globex = await deal('Globex', 400_000);
    const initech = await deal('Initech', 200_000);
    const hooli = await deal('Hooli', 300_000);
    expect((await service.call('POST', `/cards/${globex}/move`, { token, body: { stageId: 'proposal' } })).status).toBe(
      200,
    );
    expect(
      (await service.call('POST', `/cards/${initech}/probability`, { token, body: { probability: 30 } })).status,
    ).toBe(200);
    expect((await service.call('POST', `/cards/${hooli}/close`, { token, body: { outcome: 'won' } })).status).toBe(200);
    const lost = await service.call('POST', `/cards/${initech}/close`, {
      token,
      body: { outcome: 'lost', reason: 'Budget cut' },
    });
    expect(lost.status).toBe(200);
    const note = await service.call('POST', `/cards/${globex}/notes`, { token, body: { text: 'Wants a demo' } });
    const call = await service.call('POST', `/cards/${globex}/activities`, {
      token,
      body: { activityKind: 'meeting', subject: 'Demo', dueAt: '2026-03-05T10:00:00Z' },
    });
    expect([note.status, call.status]).toEqual([201, 201]);

    // Forecast: Acme (new, 10%) 100,000; Globex (proposal, 50%) 200,000; Hooli won 300,000; Initech lost: nothing.
    await fresh(`/pipelines/${pipelineId}/forecast`, token, call);
    const again = (await fresh(`/pipelines/${pipelineId}/forecast`, token, lost)) as {
      stages: ForecastRow[];
      totalWeightedMinor: number;
    };
    const row = (stageId: string) => again.stages.find((s) => s.stageId === stageId);
    expect(row('new')).toMatchObject({ deals: 1, amountMinor: 1_000_000, weightedMinor: 100_000 });
    expect(row('proposal')).toMatchObject({ deals: 1, amountMinor: 400_000, weightedMinor: 200_000 });
    expect(row('won')).toMatchObject({ deals: 1, amountMinor: 300_000, weightedMinor: 300_000 });
    expect(again.stages.map((s) => s.stageId)).not.toContain('lost');
    expect(again.totalWeightedMinor).toBe(600_000);

    // Funnel of the period: 4 deals created; all reached new, Globex and Hooli went further.
    const funnel = (await fresh(`/pipelines/${pipelineId}/funnel?from=2026-03-01&to=2026-04-01`, token, lost)) as {
      cards: number;
      stages: Array<{ stageId: string; reached: number; conversion: number | null }>;
    };
    expect(funnel.cards).toBe(4);
    expect(funnel.stages.map((s) => [s.stageId, s.reached])).toEqual([
      ['new', 4],
      ['qualified', 2],
      ['proposal', 2],
      ['negotiation', 1],
      ['won', 1],
    ]);
    expect(funnel.stages[0].conversion).toBe(0.5);

    // The card: its owner, note, activity, and stays.
    const card = (await fresh(`/cards/${globex}`, token, call)) as {
      history: Array<{ stageId: string }>;
      notes: unknown[];
      activities: unknown[];
    };
    expect(card.history.map((h) => h.stageId)).toEqual(['new', 'proposal']);
    expect([card.notes.length, card.activities.length]).toEqual([1, 1]);

    // Grace leaves: identity deactivates her, and her deal has no owner any more.
    const owned = (await fresh(`/cards/${acme}`, token, call)) as { ownerId: string | null; ownerName: string | null };
    expect([owned.ownerId, owned.ownerName]).toEqual([grace, 'Grace']);
    await identityOutbox.record(
      tenant,
      'user',
      grace,
      identity.userDeactivated({
        userId: grace,
        reason: 'left',
        deactivatedBy: null,
        deactivatedAt: '2026-03-03T10:00:00.000Z',
      }),
    );
    await eventually(async () => (await service.call('GET', `/cards/${acme}`, { token })).body.ownerId === null, {
      what: "Grace's deal unassigned",
    });
    const reassigned = await service.call('POST', `/cards/${acme}/owner`, { token, body: { ownerId: grace } });
    expect([reassigned.status, reassigned.body.code]).toEqual([422, 'owner-not-a-user']);
  });
});
