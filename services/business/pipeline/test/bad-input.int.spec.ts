import { randomUUID } from 'node:crypto';
import { badInputCases, openApiOf, sendBadInputs, tenantEvents } from '@hexfleet/testing';
import { HrmsFacts } from './support/hrms-facts';
import { startPipeline, uniqueTenant } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';
import { steppingClock } from './support/stepping-clock';

// Every endpoint in /openapi.json broken field by field, and the three: a stage of another
// pipeline, a probability of 101, a rejection without a reason. Each a 4xx naming the field; nothing written.
describe('bad input on every Pipeline endpoint', () => {
  const tenant = uniqueTenant('bad');
  let service: PipelineHarness;
  let hrms: HrmsFacts;

  beforeAll(async () => {
    [service, hrms] = await Promise.all([startPipeline(steppingClock('2026-03-02T09:00:00.000Z')), HrmsFacts.start()]);
  });
  afterAll(async () => {
    await service?.close();
    await hrms?.close();
  });

  it('refuses a stage of another pipeline, a probability of 101 and a reason-less rejection, writing nothing', async () => {
    const token = await service.issuer.mint({ tenant, roles: ['hr', 'manager'] });
    const jobId = await hrms.approvedJob(service, tenant, token, 1);
    const candidate = await service.call('POST', `/pipelines/${jobId}/candidates`, {
      token,
      body: { firstName: 'Ada', email: 'ada@example.com' },
    });
    const sales = await service.call('POST', '/pipelines', { token, body: { name: 'Enterprise' } });
    const deal = await service.call('POST', `/pipelines/${String(sales.body.pipelineId)}/deals`, {
      token,
      body: { title: 'Acme', amountMinor: 500_000, currency: 'EUR' },
    });
    const candidateId = String(candidate.body.candidateId);
    const dealId = String(deal.body.dealId);
    expect([candidate.status, sales.status, deal.status]).toEqual([201, 201, 201]);
    const before = await tenantEvents(service, tenant);

    const cases = [
      // 'proposal' is a stage of the sales pipeline, not of the job's board.
      { path: `/cards/${candidateId}/move`, body: { stageId: 'proposal' }, status: 422, code: 'stage-not-in-pipeline' },
      { path: `/cards/${dealId}/move`, body: { stageId: 'interview' }, status: 422, code: 'stage-not-in-pipeline' },
      { path: `/cards/${dealId}/probability`, body: { probability: 101 }, status: 400, field: 'probability' },
      {
        path: `/pipelines/${String(sales.body.pipelineId)}/deals`,
        body: { title: 'X', amountMinor: 1, currency: 'EUR', probability: 101 },
        status: 400,
        field: 'probability',
      },
      { path: `/cards/${candidateId}/close`, body: { outcome: 'lost' }, status: 422, code: 'reason-required' },
      {
        path: `/cards/${candidateId}/close`,
        body: { outcome: 'lost', reason: '' },
        status: 422,
        code: 'reason-required',
      },
      {
        path: `/cards/${dealId}/close`,
        body: { outcome: 'lost', reason: '   ' },
        status: 422,
        code: 'reason-required',
      },
    ];
    for (const c of cases) {
      const reply = await service.call('POST', c.path, { token, body: c.body });
      expect([c.path, reply.status]).toEqual([c.path, c.status]);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      if (c.code) expect(reply.body.code).toBe(c.code);
      if (c.field) expect(JSON.stringify(reply.body)).toContain(c.field);
    }
    expect(await tenantEvents(service, tenant)).toBe(before);

    // Every operation, each path id, query parameter and body field broken in turn.
    const openapi = openApiOf(await service.call('GET', '/openapi.json'));
    const walk = badInputCases(openapi, { id: candidateId, activityId: randomUUID() });
    const { failures, statuses } = await sendBadInputs(walk.cases, (c) =>
      service.call(c.method, c.path, { token, body: c.body }),
    );
    console.log(
      `pipeline: ${walk.operations.length} operations, ${walk.cases.length} bad requests -> ${JSON.stringify(statuses)}`,
    );
    expect(failures).toEqual([]);
    expect(walk.inputless).toEqual(['GET /pipelines']);
    expect(await tenantEvents(service, tenant)).toBe(before);
  });
});
