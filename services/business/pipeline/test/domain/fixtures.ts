import { pipeline } from '@hexfleet/schemas';
import { TEMPLATES } from '../../src/domain';
import type { PipelineView } from '../../src/domain';

export const now = '2026-03-02T09:00:00.000Z';
export const metadata = { now };
export const JOB = '11111111-1111-4111-8111-111111111111';
export const SALES = '22222222-2222-4222-8222-222222222222';
export const OTHER = '33333333-3333-4333-8333-333333333333';
export const recruitment: PipelineView = { pipelineId: JOB, kind: 'recruitment', stages: TEMPLATES.recruitment };
export const sales: PipelineView = { pipelineId: SALES, kind: 'sales', stages: TEMPLATES.sales };
export const otherSales: PipelineView = {
  pipelineId: OTHER,
  kind: 'sales',
  stages: [
    ...TEMPLATES.sales.slice(0, 4),
    { stageId: 'demo', name: 'Demo', probability: 60, closes: 'open' },
    ...TEMPLATES.sales.slice(4),
  ],
};

export const applied = (candidateId = 'c1') =>
  pipeline.candidateApplied({
    candidateId,
    pipelineId: JOB,
    jobOpeningId: JOB,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    stageId: 'applied',
    rank: 'a0',
    ownerId: null,
    appliedAt: now,
  });

export const dealCreated = (dealId = 'd1') =>
  pipeline.dealCreated({
    dealId,
    pipelineId: SALES,
    title: 'Fleet licences for Acme',
    amountMinor: 1_000_000,
    currency: 'EUR',
    probability: 10,
    stageId: 'new',
    rank: 'a0',
    ownerId: null,
    expectedCloseDate: null,
    createdAt: now,
  });
