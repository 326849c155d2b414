import { deciderSpec } from '@hexfleet/testing';
import { pipeline } from '@hexfleet/schemas';
import { cardDecider } from '../../src/domain';
import { applied, dealCreated, JOB, metadata, now, otherSales, recruitment, sales, SALES } from './fixtures';

const given = deciderSpec(cardDecider);
const move = (stageId: string, rank = 'a1', view = recruitment) => ({
  type: 'MoveCard' as const,
  data: { pipeline: view, stageId, rank },
  metadata,
});
const close = (outcome: 'won' | 'lost', reason: string | null, view = recruitment) => ({
  type: 'CloseCard' as const,
  data: { pipeline: view, outcome, reason, rank: 'a0' },
  metadata,
});
const hire = {
  type: 'HireCandidate' as const,
  data: {
    pipeline: recruitment,
    joiningDate: '2026-04-01',
    employmentType: 'full-time',
    department: 'Finance',
    designation: 'Accountant',
    rank: 'a0',
  },
  metadata,
};
const reopen = (stageId: string | null, view = recruitment) => ({
  type: 'ReopenCard' as const,
  data: { pipeline: view, stageId, rank: 'a0' },
  metadata,
});
const rejected = pipeline.candidateRejected({
  candidateId: 'c1',
  pipelineId: JOB,
  fromStageId: 'applied',
  stageId: 'rejected',
  rank: 'a0',
  reason: 'No work permit',
  rejectedAt: now,
});
const hired = pipeline.candidateHired({
  candidateId: 'c1',
  pipelineId: JOB,
  jobOpeningId: JOB,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  joiningDate: '2026-04-01',
  department: 'Finance',
  designation: 'Accountant',
  employmentType: 'full-time',
  fromStageId: 'applied',
  stageId: 'hired',
  rank: 'a0',
  hiredAt: now,
});
const lost = pipeline.dealLost({
  dealId: 'd1',
  pipelineId: SALES,
  fromStageId: 'new',
  stageId: 'lost',
  rank: 'a0',
  reason: 'Budget cut',
  lostAt: now,
});
const won = pipeline.dealWon({
  dealId: 'd1',
  pipelineId: SALES,
  fromStageId: 'new',
  stageId: 'won',
  rank: 'a0',
  amountMinor: 1_000_000,
  currency: 'EUR',
  wonAt: now,
});

const apply = (over: Partial<{ email: string; rank: string; view: typeof recruitment }> = {}) => ({
  type: 'ApplyCandidate' as const,
  data: {
    candidateId: 'c1',
    pipeline: over.view ?? recruitment,
    jobOpeningId: JOB,
    firstName: ' Ada ',
    lastName: 'Lovelace',
    email: over.email ?? 'ADA@example.com',
    rank: over.rank ?? 'a0',
    ownerId: null,
  },
  metadata,
});
const createDeal = (
  over: Partial<{ probability: number | null; stageId: string | null; view: typeof sales; amountMinor: number }> = {},
) => ({
  type: 'CreateDeal' as const,
  data: {
    dealId: 'd1',
    pipeline: over.view ?? sales,
    title: 'Fleet licences for Acme',
    amountMinor: over.amountMinor ?? 1_000_000,
    currency: 'EUR',
    probability: over.probability === undefined ? null : over.probability,
    stageId: over.stageId === undefined ? null : over.stageId,
    rank: 'a0',
    ownerId: null,
    expectedCloseDate: null,
  },
  metadata,
});

describe('a candidate applies once per job, into the first stage', () => {
  it('applies: first stage, email normalized', () => given([]).when(apply()).then([applied()]));
  it('a second application to the same job is refused (the card id derives from job and email)', () =>
    given([applied()]).when(apply()).thenThrows('candidate-already-applied'));
  it('a bad email or rank is refused', () => {
    given([])
      .when(apply({ email: 'nope' }))
      .thenThrows('invalid-email', { field: 'email' });
    given([])
      .when(apply({ rank: '' }))
      .thenThrows('invalid-rank');
  });
  it('a candidate does not apply to a sales pipeline', () =>
    given([])
      .when(apply({ view: { ...sales } as never }))
      .thenThrows('wrong-pipeline-kind'));
});

describe("a card's stage belongs to its pipeline", () => {
  it('moves to a stage of its pipeline', () =>
    given([applied()])
      .when(move('screening'))
      .then([
        pipeline.candidateStageChanged({
          candidateId: 'c1',
          pipelineId: JOB,
          fromStageId: 'applied',
          toStageId: 'screening',
          rank: 'a1',
          changedAt: now,
        }),
      ]));
  it('a stage of another pipeline is refused', () =>
    given([dealCreated()])
      .when(move('demo', 'a1', sales))
      .thenThrows('stage-not-in-pipeline', { stageId: 'demo' }));
  it("another pipeline's view is refused even when it has the stage", () =>
    given([dealCreated()])
      .when(move('qualified', 'a1', otherSales))
      .thenThrows('stage-not-in-pipeline'));
  it('a deal is created in a stage of its pipeline only', () =>
    given([])
      .when(createDeal({ stageId: 'interview' }))
      .thenThrows('stage-not-in-pipeline'));
  it('a reorder within the column keeps the stage and changes the rank', () =>
    given([applied()])
      .when(move('applied', 'Zz'))
      .then([
        pipeline.candidateStageChanged({
          candidateId: 'c1',
          pipelineId: JOB,
          fromStageId: 'applied',
          toStageId: 'applied',
          rank: 'Zz',
          changedAt: now,
        }),
      ]));
  it('a move to where the card is changes nothing', () => given([applied()]).when(move('applied', 'a0')).then([]));
  it('a move into a closing stage is refused: hiring, rejecting, winning and losing have their own commands', () => {
    given([applied()]).when(move('hired')).thenThrows('stage-closes-card');
    given([applied()]).when(move('rejected')).thenThrows('stage-closes-card');
    given([dealCreated()])
      .when(move('won', 'a1', sales))
      .thenThrows('stage-closes-card');
  });
});

describe('probability 0..100, won 100, lost 0', () => {
  it("a deal takes its stage's probability, or the one given", () => {
    given([]).when(createDeal()).then([dealCreated()]);
    given([])
      .when(createDeal({ probability: 40 }))
      .then([pipeline.dealCreated({ ...dealCreated().data, probability: 40 })]);
  });
  it('101 and -1 are refused, at creation and by hand', () => {
    given([])
      .when(createDeal({ probability: 101 }))
      .thenThrows('invalid-probability', { field: 'probability', probability: 101 });
    given([dealCreated()])
      .when({ type: 'SetProbability', data: { probability: -1 }, metadata })
      .thenThrows('invalid-probability');
    given([dealCreated()])
      .when({ type: 'SetProbability', data: { probability: 2.5 }, metadata })
      .thenThrows('invalid-probability');
  });
  it('set by hand', () =>
    given([dealCreated()])
      .when({ type: 'SetProbability', data: { probability: 35 }, metadata })
      .then([pipeline.dealProbabilitySet({ dealId: 'd1', pipelineId: SALES, probability: 35, setAt: now })]));
  it("a move gives the deal its new stage's probability", () =>
    given([dealCreated()])
      .when(move('proposal', 'a1', sales))
      .then([
        pipeline.dealStageChanged({
          dealId: 'd1',
          pipelineId: SALES,
          fromStageId: 'new',
          toStageId: 'proposal',
          rank: 'a1',
          probability: 50,
          changedAt: now,
        }),
      ]));
  it('won makes it 100 and lost 0: the state says so', () => {
    expect(cardDecider.evolve(cardDecider.evolve(cardDecider.initialState, dealCreated()), won)).toMatchObject({
      probability: 100,
      closed: 'won',
    });
    expect(cardDecider.evolve(cardDecider.evolve(cardDecider.initialState, dealCreated()), lost)).toMatchObject({
      probability: 0,
      closed: 'lost',
    });
  });
  it('a candidate has no probability', () =>
    given([applied()])
      .when({ type: 'SetProbability', data: { probability: 10 }, metadata })
      .thenThrows('probability-is-for-deals'));
  it('a won deal records its amount', () =>
    given([dealCreated()])
      .when(close('won', null, sales))
      .then([won]));
  it('a negative amount or a bad currency is refused', () => {
    given([])
      .when(createDeal({ amountMinor: -1 }))
      .thenThrows('invalid-amount');
  });
});

describe('rejected or lost needs a reason', () => {
  it('rejected with a reason', () => given([applied()]).when(close('lost', ' No work permit ')).then([rejected]));
  it('rejected without one is refused', () => {
    given([applied()]).when(close('lost', null)).thenThrows('reason-required', { field: 'reason' });
    given([applied()]).when(close('lost', '   ')).thenThrows('reason-required');
  });
  it('lost without one is refused, with one recorded', () => {
    given([dealCreated()])
      .when(close('lost', '', sales))
      .thenThrows('reason-required');
    given([dealCreated()])
      .when(close('lost', 'Budget cut', sales))
      .then([lost]);
  });
  it('a candidate is not "won": they are hired', () =>
    given([applied()]).when(close('won', null)).thenThrows('hire-through-hiring'));
});

describe('hiring a candidate', () => {
  it('hired: the event carries what HRMS needs', () => given([applied()]).when(hire).then([hired]));
  it('hired once', () => given([applied(), hired]).when(hire).thenThrows('candidate-already-hired'));
  it('a rejected candidate is reopened before being hired', () =>
    given([applied(), rejected]).when(hire).thenThrows('card-closed'));
  it('a joining date is a date', () =>
    given([applied()])
      .when({ ...hire, data: { ...hire.data, joiningDate: 'soon' } })
      .thenThrows('invalid-date', { field: 'joiningDate' }));
});

describe('a closed card moves only after an explicit reopen', () => {
  it('a rejected candidate does not move', () =>
    given([applied(), rejected]).when(move('screening')).thenThrows('card-closed'));
  it('a lost deal does not move, nor change its probability', () => {
    given([dealCreated(), lost])
      .when(move('qualified', 'a1', sales))
      .thenThrows('card-closed');
    given([dealCreated(), lost])
      .when({ type: 'SetProbability', data: { probability: 50 }, metadata })
      .thenThrows('card-closed');
  });
  it('a closed card is not closed again', () =>
    given([dealCreated(), won])
      .when(close('lost', 'x', sales))
      .thenThrows('card-closed'));
  it('reopened into the first open stage, or the one named', () => {
    given([applied(), rejected])
      .when(reopen(null))
      .then([
        pipeline.candidateReopened({
          candidateId: 'c1',
          pipelineId: JOB,
          fromStageId: 'rejected',
          stageId: 'applied',
          rank: 'a0',
          reopenedAt: now,
        }),
      ]);
    given([dealCreated(), lost])
      .when(reopen('proposal', sales))
      .then([
        pipeline.dealReopened({
          dealId: 'd1',
          pipelineId: SALES,
          fromStageId: 'lost',
          stageId: 'proposal',
          rank: 'a0',
          probability: 50,
          reopenedAt: now,
        }),
      ]);
  });
  it('after a reopen it moves again', () =>
    given([
      applied(),
      rejected,
      pipeline.candidateReopened({
        candidateId: 'c1',
        pipelineId: JOB,
        fromStageId: 'rejected',
        stageId: 'applied',
        rank: 'a0',
        reopenedAt: now,
      }),
    ])
      .when(move('screening'))
      .then([
        pipeline.candidateStageChanged({
          candidateId: 'c1',
          pipelineId: JOB,
          fromStageId: 'applied',
          toStageId: 'screening',
          rank: 'a1',
          changedAt: now,
        }),
      ]));
  it('an open card is not reopened; a reopen goes into an open stage of its pipeline', () => {
    given([applied()]).when(reopen(null)).thenThrows('card-not-closed');
    given([dealCreated(), lost]).when(reopen('won', sales)).thenThrows('stage-closes-card');
    given([dealCreated(), lost]).when(reopen('demo', sales)).thenThrows('stage-not-in-pipeline');
  });
  it('a hire is final: HRMS has the employee', () =>
    given([applied(), hired]).when(reopen(null)).thenThrows('hired-is-final'));
});

describe('owners, notes and activities', () => {
  it("an owner is one of the tenant's active users", () => {
    given([applied()])
      .when({ type: 'AssignOwner', data: { ownerId: 'u1', ownerActive: false }, metadata })
      .thenThrows('owner-not-a-user', { field: 'ownerId' });
    given([applied()])
      .when({ type: 'AssignOwner', data: { ownerId: 'u1', ownerActive: true }, metadata })
      .then([
        pipeline.cardOwnerAssigned({
          cardId: 'c1',
          pipelineId: JOB,
          cardKind: 'candidate',
          ownerId: 'u1',
          assignedAt: now,
        }),
      ]);
  });
  it('an owner who left is unassigned', () =>
    given([
      applied(),
      pipeline.cardOwnerAssigned({
        cardId: 'c1',
        pipelineId: JOB,
        cardKind: 'candidate',
        ownerId: 'u1',
        assignedAt: now,
      }),
    ])
      .when({ type: 'AssignOwner', data: { ownerId: null, ownerActive: false }, metadata })
      .then([
        pipeline.cardOwnerAssigned({
          cardId: 'c1',
          pipelineId: JOB,
          cardKind: 'candidate',
          ownerId: null,
          assignedAt: now,
        }),
      ]));
  it('a note is written, not empty', () => {
    given([dealCreated()])
      .when({ type: 'AddNote', data: { noteId: 'n1', text: ' Called back ', authorId: 'u1' }, metadata })
      .then([
        pipeline.cardNoteAdded({
          cardId: 'd1',
          pipelineId: SALES,
          cardKind: 'deal',
          noteId: 'n1',
          text: 'Called back',
          authorId: 'u1',
          addedAt: now,
        }),
      ]);
    given([dealCreated()])
      .when({ type: 'AddNote', data: { noteId: 'n1', text: ' ', authorId: 'u1' }, metadata })
      .thenThrows('invalid-text', { field: 'text' });
  });
  const meeting = {
    type: 'ScheduleActivity' as const,
    data: { activityId: 'a1', activityKind: 'meeting', subject: 'Demo', dueAt: '2026-03-05T10:00:00Z' },
    metadata,
  };
  const scheduled = pipeline.cardActivityScheduled({
    cardId: 'd1',
    pipelineId: SALES,
    cardKind: 'deal',
    activityId: 'a1',
    activityKind: 'meeting',
    subject: 'Demo',
    dueAt: '2026-03-05T10:00:00.000Z',
    scheduledAt: now,
  });
  it('calls and meetings are planned with a due time', () => {
    given([dealCreated()]).when(meeting).then([scheduled]);
    given([dealCreated()])
      .when({ ...meeting, data: { ...meeting.data, activityKind: 'lunch' } })
      .thenThrows('invalid-activity-kind');
    given([dealCreated()])
      .when({ ...meeting, data: { ...meeting.data, dueAt: 'tomorrow' } })
      .thenThrows('invalid-instant', { field: 'dueAt' });
  });
  it('an activity is completed once; an unknown one is not found', () => {
    const done = pipeline.cardActivityCompleted({
      cardId: 'd1',
      pipelineId: SALES,
      cardKind: 'deal',
      activityId: 'a1',
      completedAt: now,
    });
    given([dealCreated(), scheduled])
      .when({ type: 'CompleteActivity', data: { activityId: 'a1' }, metadata })
      .then([done]);
    given([dealCreated(), scheduled, done])
      .when({ type: 'CompleteActivity', data: { activityId: 'a1' }, metadata })
      .then([]);
    given([dealCreated()])
      .when({ type: 'CompleteActivity', data: { activityId: 'a9' }, metadata })
      .thenThrows('activity-not-found');
  });
  it('nothing happens to a card that does not exist', () =>
    given([]).when(move('screening')).thenThrows('card-not-found'));
});
