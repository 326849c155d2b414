import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { pipeline } from '@hexfleet/schemas';

type BoardEvent =
  | pipeline.PipelinePipelineV1Event
  | pipeline.PipelineCandidateV1Event
  | pipeline.PipelineDealV1Event
  | pipeline.PipelineCardWorkV1Event
  | pipeline.PipelineOwnerV1Event;

/** A card entered a stage: its row follows, the stay it left ends, a new stay begins (the event id keys it, so a replay adds none). */
async function entered(
  event: ConsumedEvent,
  { tx, schema }: ProjectionContext,
  card: { cardId: string; pipelineId: string; stageId: string; rank: string; at: string },
  set: { status?: string; reason?: string | null; probability?: number } = {},
) {
  const { cardId, pipelineId, stageId, rank, at } = card;
  const [old] = (
    await tx.query<{ stage_id: string }>(`select stage_id from ${schema}.cards where card_id = $1`, [cardId])
  ).rows;
  await tx.query(
    `update ${schema}.cards set stage_id = $2, rank = $3,
       status = coalesce($5, status), reason = case when $5::text is null then reason else $6 end,
       probability = coalesce($7, probability),
       entered_stage_at = case when stage_id = $2 then entered_stage_at else $4 end
     where card_id = $1`,
    [cardId, stageId, rank, at, set.status ?? null, set.reason ?? null, set.probability ?? null],
  );
  if (old && old.stage_id === stageId) return; // a reorder within the column: the same stay
  await tx.query(`update ${schema}.stage_history set left_at = $2 where card_id = $1 and left_at is null`, [
    cardId,
    at,
  ]);
  await tx.query(
    `insert into ${schema}.stage_history (event_id, card_id, pipeline_id, stage_id, entered_at)
     values ($1, $2, $3, $4, $5) on conflict (event_id) do nothing`,
    [event.eventId, cardId, pipelineId, stageId, at],
  );
}

async function created(
  event: ConsumedEvent,
  context: ProjectionContext,
  row: {
    cardId: string;
    kind: string;
    pipelineId: string;
    stageId: string;
    rank: string;
    title: string;
    email: string | null;
    amountMinor: number | null;
    currency: string | null;
    probability: number;
    ownerId: string | null;
    at: string;
  },
) {
  const { tx, schema } = context;
  await tx.query(
    `insert into ${schema}.cards (card_id, kind, pipeline_id, stage_id, rank, title, email, amount_minor, currency,
       probability, owner_id, status, entered_stage_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $12) on conflict (card_id) do nothing`,
    [
      row.cardId,
      row.kind,
      row.pipelineId,
      row.stageId,
      row.rank,
      row.title,
      row.email,
      row.amountMinor,
      row.currency,
      row.probability,
      row.ownerId,
      row.at,
    ],
  );
  await tx.query(
    `insert into ${schema}.stage_history (event_id, card_id, pipeline_id, stage_id, entered_at)
     values ($1, $2, $3, $4, $5) on conflict (event_id) do nothing`,
    [event.eventId, row.cardId, row.pipelineId, row.stageId, row.at],
  );
}

/**
 * Boards (pipelines with their stages and places), cards by column, each card's stay in
 * each stage, notes, activities and owners: what the board, card and report queries read.
 * Ranks are compared byte-wise (`collate "C"`), as the fractional-indexing library orders them.
 */
export const boards = readModel<BoardEvent>({
  name: 'pipeline-boards',
  topics: [
    'pipeline.pipeline.v1',
    'pipeline.candidate.v1',
    'pipeline.deal.v1',
    'pipeline.card-work.v1',
    'pipeline.owner.v1',
  ],
  tables: ['pipelines', 'cards', 'stage_history', 'card_notes', 'card_activities', 'card_owners', 'owners'],
  migrations: [
    (schema) => `create table ${schema}.pipelines (
      pipeline_id text primary key, kind text not null, name text not null, stages jsonb not null,
      job_opening_id text, places int, places_left int, filled_at text, created_at text not null)`,
    (schema) => `create table ${schema}.cards (
      card_id text primary key, kind text not null, pipeline_id text not null, stage_id text not null,
      rank text collate "C" not null, title text not null, email text, amount_minor bigint, currency text,
      probability int not null, owner_id text, status text not null, reason text,
      entered_stage_at text not null, created_at text not null, hired_at text)`,
    (schema) => `create index on ${schema}.cards (pipeline_id, stage_id, rank, card_id)`,
    (schema) => `create table ${schema}.stage_history (
      event_id text primary key, card_id text not null, pipeline_id text not null, stage_id text not null,
      entered_at text not null, left_at text)`,
    (schema) => `create index on ${schema}.stage_history (card_id, entered_at)`,
    (schema) => `create table ${schema}.card_notes (
      note_id text primary key, card_id text not null, text text not null, author_id text not null, added_at text not null)`,
    (schema) => `create table ${schema}.card_activities (
      activity_id text primary key, card_id text not null, activity_kind text not null, subject text not null,
      due_at text not null, completed_at text)`,
    (schema) => `create table ${schema}.card_owners (card_id text primary key, owner_id text)`,
    (schema) => `create table ${schema}.owners (
      user_id text primary key, display_name text not null, email text not null, employee_id text, active boolean not null)`,
  ],
  on: {
    async PipelineCreated({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.pipelines (pipeline_id, kind, name, stages, job_opening_id, places, places_left, created_at)
         values ($1, $2, $3, $4, $5, $6, $6, $7) on conflict (pipeline_id) do nothing`,
        [d.pipelineId, d.kind, d.name, JSON.stringify(d.stages), d.jobOpeningId, d.places, d.createdAt],
      );
    },
    async PipelineStagesConfigured({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.pipelines set stages = $2 where pipeline_id = $1`, [
        d.pipelineId,
        JSON.stringify(d.stages),
      ]);
    },
    async JobPlaceTaken({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.pipelines set places_left = $2 where pipeline_id = $1`, [
        d.pipelineId,
        d.placesLeft,
      ]);
    },
    async JobOpeningFilled({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.pipelines set filled_at = $2 where pipeline_id = $1`, [
        d.pipelineId,
        d.filledAt,
      ]);
    },
    CandidateApplied: (event, context) => {
      const d = event.data;
      const title = `${d.firstName} ${d.lastName}`.trim();
      return created(event, context, {
        ...d,
        cardId: d.candidateId,
        kind: 'candidate',
        title,
        amountMinor: null,
        currency: null,
        probability: 0,
        at: d.appliedAt,
      });
    },
    CandidateStageChanged: (event, context) =>
      entered(event, context, {
        ...event.data,
        cardId: event.data.candidateId,
        stageId: event.data.toStageId,
        at: event.data.changedAt,
      }),
    async CandidateHired(event, context) {
      const d = event.data;
      await entered(event, context, { ...d, cardId: d.candidateId, at: d.hiredAt }, { status: 'won', reason: null });
      await context.tx.query(`update ${context.schema}.cards set hired_at = $2 where card_id = $1`, [
        d.candidateId,
        d.hiredAt,
      ]);
    },
    CandidateRejected: (event, context) =>
      entered(
        event,
        context,
        { ...event.data, cardId: event.data.candidateId, at: event.data.rejectedAt },
        { status: 'lost', reason: event.data.reason },
      ),
    CandidateReopened: (event, context) =>
      entered(
        event,
        context,
        { ...event.data, cardId: event.data.candidateId, at: event.data.reopenedAt },
        { status: 'open', reason: null },
      ),
    DealCreated: (event, context) =>
      created(event, context, {
        ...event.data,
        cardId: event.data.dealId,
        kind: 'deal',
        email: null,
        at: event.data.createdAt,
      }),
    DealStageChanged: (event, context) =>
      entered(
        event,
        context,
        { ...event.data, cardId: event.data.dealId, stageId: event.data.toStageId, at: event.data.changedAt },
        { probability: event.data.probability },
      ),
    DealWon: (event, context) =>
      entered(
        event,
        context,
        { ...event.data, cardId: event.data.dealId, at: event.data.wonAt },
        { status: 'won', reason: null, probability: 100 },
      ),
    DealLost: (event, context) =>
      entered(
        event,
        context,
        { ...event.data, cardId: event.data.dealId, at: event.data.lostAt },
        { status: 'lost', reason: event.data.reason, probability: 0 },
      ),
    DealReopened: (event, context) =>
      entered(
        event,
        context,
        { ...event.data, cardId: event.data.dealId, at: event.data.reopenedAt },
        { status: 'open', reason: null, probability: event.data.probability },
      ),
    async DealProbabilitySet({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.cards set probability = $2 where card_id = $1`, [d.dealId, d.probability]);
    },
    async CardOwnerAssigned({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.card_owners (card_id, owner_id) values ($1, $2)
         on conflict (card_id) do update set owner_id = excluded.owner_id`,
        [d.cardId, d.ownerId],
      );
    },
    async CardNoteAdded({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.card_notes (note_id, card_id, text, author_id, added_at) values ($1, $2, $3, $4, $5)
         on conflict (note_id) do nothing`,
        [d.noteId, d.cardId, d.text, d.authorId, d.addedAt],
      );
    },
    async CardActivityScheduled({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.card_activities (activity_id, card_id, activity_kind, subject, due_at) values ($1, $2, $3, $4, $5)
         on conflict (activity_id) do nothing`,
        [d.activityId, d.cardId, d.activityKind, d.subject, d.dueAt],
      );
    },
    async CardActivityCompleted({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.card_activities set completed_at = $2 where activity_id = $1`, [
        d.activityId,
        d.completedAt,
      ]);
    },
    async OwnerRegistered({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.owners (user_id, display_name, email, employee_id, active) values ($1, $2, $3, $4, true)
         on conflict (user_id) do nothing`,
        [d.userId, d.displayName, d.email, d.employeeId],
      );
    },
    async OwnerDeactivated({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.owners set active = false where user_id = $1`, [d.userId]);
    },
  },
});
