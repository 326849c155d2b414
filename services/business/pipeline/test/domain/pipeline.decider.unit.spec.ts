import { deciderSpec } from '@hexfleet/testing';
import { pipeline } from '@hexfleet/schemas';
import { pipelineDecider, TEMPLATES } from '../../src/domain';
import type { Stage } from '../../src/domain';
import { JOB, metadata, now, SALES } from './fixtures';

const given = deciderSpec(pipelineDecider);
const created = (places = 2) =>
  pipeline.pipelineCreated({
    pipelineId: JOB,
    kind: 'recruitment',
    name: 'Senior Accountant',
    stages: [...TEMPLATES.recruitment],
    jobOpeningId: JOB,
    places,
    department: 'Finance',
    designation: 'Accountant',
    createdAt: now,
  });
const job = { jobOpeningId: JOB, places: 2, department: 'Finance', designation: 'Accountant' };
const salesCreated = pipeline.pipelineCreated({
  pipelineId: SALES,
  kind: 'sales',
  name: 'Sales',
  stages: [...TEMPLATES.sales],
  createdAt: now,
});
const taken = (candidateId: string, placesLeft: number) =>
  pipeline.jobPlaceTaken({ pipelineId: JOB, jobOpeningId: JOB, candidateId, placesLeft, takenAt: now });

describe('a pipeline: one stage engine, two templates', () => {
  it('a job opening gets the recruitment template with its places', () =>
    given([])
      .when({
        type: 'CreatePipeline',
        data: { pipelineId: JOB, kind: 'recruitment', name: ' Senior Accountant ', stages: null, ...job },
        metadata,
      })
      .then([created()]));

  it('a sales pipeline gets the sales template: new, qualified, proposal, negotiation, won, lost', () =>
    given([])
      .when({
        type: 'CreatePipeline',
        data: { pipelineId: SALES, kind: 'sales', name: 'Sales', stages: null },
        metadata,
      })
      .then([salesCreated]));

  it('the templates are the ones DOMAIN.md names, in order', () => {
    expect(TEMPLATES.recruitment.map((s) => s.stageId)).toEqual([
      'applied',
      'screening',
      'interview',
      'offer',
      'hired',
      'rejected',
    ]);
    expect(TEMPLATES.sales.map((s) => [s.stageId, s.probability])).toEqual([
      ['new', 10],
      ['qualified', 25],
      ['proposal', 50],
      ['negotiation', 75],
      ['won', 100],
      ['lost', 0],
    ]);
  });

  it('a recruitment pipeline needs a job opening and at least one place', () => {
    given([])
      .when({
        type: 'CreatePipeline',
        data: { pipelineId: JOB, kind: 'recruitment', name: 'X', stages: null },
        metadata,
      })
      .thenThrows('recruitment-needs-job-opening');
    given([])
      .when({
        type: 'CreatePipeline',
        data: { pipelineId: JOB, kind: 'recruitment', name: 'X', stages: null, ...job, places: 0 },
        metadata,
      })
      .thenThrows('invalid-places', { field: 'places' });
  });

  it('an unknown kind, an empty name or a second creation are refused', () => {
    given([])
      .when({ type: 'CreatePipeline', data: { pipelineId: SALES, kind: 'cicd', name: 'X', stages: null }, metadata })
      .thenThrows('invalid-pipeline-kind');
    given([])
      .when({ type: 'CreatePipeline', data: { pipelineId: SALES, kind: 'sales', name: ' ', stages: null }, metadata })
      .thenThrows('invalid-pipeline-name');
    given([salesCreated])
      .when({ type: 'CreatePipeline', data: { pipelineId: SALES, kind: 'sales', name: 'Y', stages: null }, metadata })
      .thenThrows('pipeline-already-exists');
  });
});

describe('stages are ordered and configurable per pipeline', () => {
  const demo: Stage = { stageId: 'demo', name: 'Demo', probability: 60, closes: 'open' };
  const withDemo = [...TEMPLATES.sales.slice(0, 3), demo, ...TEMPLATES.sales.slice(3)];

  it('a stage is added, and the order given is kept', () =>
    given([salesCreated])
      .when({ type: 'ConfigureStages', data: { stages: withDemo, occupied: [] }, metadata })
      .then([pipeline.pipelineStagesConfigured({ pipelineId: SALES, stages: withDemo, configuredAt: now })]));

  it('a stage holding cards is not removed', () =>
    given([salesCreated])
      .when({
        type: 'ConfigureStages',
        data: { stages: TEMPLATES.sales.filter((s) => s.stageId !== 'proposal'), occupied: ['proposal'] },
        metadata,
      })
      .thenThrows('stage-has-cards', { stageIds: ['proposal'] }));

  it('an empty stage is removed', () =>
    given([salesCreated])
      .when({
        type: 'ConfigureStages',
        data: { stages: TEMPLATES.sales.filter((s) => s.stageId !== 'proposal'), occupied: ['new'] },
        metadata,
      })
      .then([
        pipeline.pipelineStagesConfigured({
          pipelineId: SALES,
          stages: TEMPLATES.sales.filter((s) => s.stageId !== 'proposal'),
          configuredAt: now,
        }),
      ]));

  it('one won and one lost stage, unique ids, probabilities 0..100, a lost stage at 0', () => {
    const when = (stages: Stage[]) =>
      given([salesCreated]).when({ type: 'ConfigureStages', data: { stages, occupied: [] }, metadata });
    when(TEMPLATES.sales.filter((s) => s.closes !== 'won')).thenThrows('invalid-stages');
    when([...TEMPLATES.sales, { ...demo, stageId: 'new' }]).thenThrows('invalid-stages', { reason: 'duplicate' });
    when(withDemo.map((s) => (s.stageId === 'demo' ? { ...s, probability: 101 } : s))).thenThrows(
      'invalid-probability',
      { probability: 101 },
    );
    when(TEMPLATES.sales.map((s) => (s.closes === 'lost' ? { ...s, probability: 5 } : s))).thenThrows(
      'invalid-probability',
    );
    when(TEMPLATES.sales.map((s) => (s.stageId === 'new' ? { ...s, stageId: 'New Stage' } : s))).thenThrows(
      'invalid-stages',
    );
  });

  it('a stage keeps what it does to a card: an open stage does not become the won one', () =>
    given([salesCreated])
      .when({
        type: 'ConfigureStages',
        data: {
          stages: TEMPLATES.sales.map((s) =>
            s.stageId === 'won'
              ? { ...s, closes: 'open' as const }
              : s.stageId === 'negotiation'
                ? { ...s, closes: 'won' as const, probability: 100 }
                : s,
          ),
          occupied: [],
        },
        metadata,
      })
      .thenThrows('stage-outcome-fixed'));
});

describe("a job's places: hiring decrements them and is refused when none is left", () => {
  it('a hire takes a place', () =>
    given([created()])
      .when({ type: 'TakePlace', data: { candidateId: 'c1', hiredBy: 'u1' }, metadata })
      .then([taken('c1', 1)]));

  it('the last place fills the job opening', () =>
    given([created(), taken('c1', 1)])
      .when({ type: 'TakePlace', data: { candidateId: 'c2', hiredBy: 'u1' }, metadata })
      .then([
        taken('c2', 0),
        pipeline.jobOpeningFilled({ pipelineId: JOB, jobOpeningId: JOB, places: 2, filledBy: 'u1', filledAt: now }),
      ]));

  it('no place left: the hire is refused', () =>
    given([created(1), taken('c1', 0)])
      .when({ type: 'TakePlace', data: { candidateId: 'c2', hiredBy: 'u1' }, metadata })
      .thenThrows('no-places-left'));

  it('one candidate takes one place', () =>
    given([created(), taken('c1', 1)])
      .when({ type: 'TakePlace', data: { candidateId: 'c1', hiredBy: 'u1' }, metadata })
      .thenThrows('candidate-already-hired'));

  it('a sales pipeline has no places', () =>
    given([salesCreated])
      .when({ type: 'TakePlace', data: { candidateId: 'c1', hiredBy: 'u1' }, metadata })
      .thenThrows('not-a-recruitment-pipeline'));
});
