import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  Board,
  BoardCard,
  Boards,
  CardDetail,
  Forecast,
  Funnel,
  PipelineSummary,
  TimeToHire,
} from '../../../application/boards.port';
import type { Stage } from '../../../domain';

const PIPELINE = `pipeline_id as "pipelineId", kind, name, job_opening_id as "jobOpeningId", places,
  places_left as "placesLeft", filled_at as "filledAt", created_at as "createdAt"`;
const CARD = (schema: string) => `c.card_id as "cardId", c.kind, c.stage_id as "stageId", c.rank, c.title, c.email,
  c.amount_minor::float8 as "amountMinor", c.currency, c.probability,
  case when o.card_id is null then c.owner_id else o.owner_id end as "ownerId",
  (select u.display_name from ${schema}.owners u
    where u.user_id = case when o.card_id is null then c.owner_id else o.owner_id end) as "ownerName",
  c.status, c.reason, c.entered_stage_at as "enteredStageAt", c.created_at as "createdAt"`;
const DAY = 86_400_000;

/** The read model `pipeline-boards` (boards.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresBoards implements Boards {
  constructor(private readonly runtime: ServiceRuntime) {}

  pipelines(tenant: TenantId): Promise<PipelineSummary[]> {
    return this.runtime.queryTenant<PipelineSummary>(
      tenant,
      (schema) => `select ${PIPELINE} from ${schema}.pipelines order by created_at, pipeline_id`,
    );
  }

  async board(tenant: TenantId, pipelineId: string): Promise<Board | undefined> {
    const found = await this.pipeline(tenant, pipelineId);
    if (!found) return undefined;
    const cards = await this.runtime.queryTenant<BoardCard & { pipelineId: string }>(
      tenant,
      (schema) => `select ${CARD(schema)} from ${schema}.cards c left join ${schema}.card_owners o using (card_id)
        where c.pipeline_id = $1 order by c.rank collate "C", c.card_id collate "C"`,
      [pipelineId],
    );
    const { stages, ...summary } = found;
    return {
      ...summary,
      columns: stages.map((stage) => ({ ...stage, cards: cards.filter((c) => c.stageId === stage.stageId) })),
    };
  }

  async card(tenant: TenantId, cardId: string, now: string): Promise<CardDetail | undefined> {
    const [card] = await this.runtime.queryTenant<BoardCard & { pipelineId: string }>(
      tenant,
      (schema) => `select ${CARD(schema)}, c.pipeline_id as "pipelineId" from ${schema}.cards c
        left join ${schema}.card_owners o using (card_id) where c.card_id = $1`,
      [cardId],
    );
    if (!card) return undefined;
    const stays = await this.runtime.queryTenant<{ stageId: string; enteredAt: string; leftAt: string | null }>(
      tenant,
      (schema) => `select stage_id as "stageId", entered_at as "enteredAt", left_at as "leftAt"
        from ${schema}.stage_history where card_id = $1 order by entered_at, event_id`,
      [cardId],
    );
    const notes = await this.runtime.queryTenant<CardDetail['notes'][number]>(
      tenant,
      (schema) => `select note_id as "noteId", text, author_id as "authorId", added_at as "addedAt"
        from ${schema}.card_notes where card_id = $1 order by added_at, note_id`,
      [cardId],
    );
    const activities = await this.runtime.queryTenant<CardDetail['activities'][number]>(
      tenant,
      (schema) => `select activity_id as "activityId", activity_kind as "activityKind", subject, due_at as "dueAt",
        completed_at as "completedAt" from ${schema}.card_activities where card_id = $1 order by due_at, activity_id`,
      [cardId],
    );
    const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
    return {
      ...card,
      history: stays.map((s) => ({ ...s, seconds: seconds(s.enteredAt, s.leftAt ?? now) })),
      notes,
      activities,
    };
  }

  async lastRank(tenant: TenantId, pipelineId: string, stageId: string): Promise<string | null> {
    const [row] = await this.runtime.queryTenant<{ rank: string | null }>(
      tenant,
      (schema) => `select max(rank collate "C") as rank from ${schema}.cards where pipeline_id = $1 and stage_id = $2`,
      [pipelineId, stageId],
    );
    return row?.rank ?? null;
  }

  async occupiedStages(tenant: TenantId, pipelineId: string): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ stageId: string }>(
      tenant,
      (schema) => `select distinct stage_id as "stageId" from ${schema}.cards where pipeline_id = $1`,
      [pipelineId],
    );
    return rows.map((r) => r.stageId);
  }

  async ownerOfEmployee(tenant: TenantId, employeeId: string): Promise<string | undefined> {
    const [row] = await this.runtime.queryTenant<{ userId: string }>(
      tenant,
      (schema) => `select user_id as "userId" from ${schema}.owners where employee_id = $1`,
      [employeeId],
    );
    return row?.userId;
  }

  async cardsOwnedBy(tenant: TenantId, ownerId: string): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ cardId: string }>(
      tenant,
      (schema) => `select c.card_id as "cardId" from ${schema}.cards c left join ${schema}.card_owners o using (card_id)
        where (case when o.card_id is null then c.owner_id else o.owner_id end) = $1 order by c.card_id`,
      [ownerId],
    );
    return rows.map((r) => r.cardId);
  }

  async forecast(tenant: TenantId, pipelineId: string): Promise<Forecast | undefined> {
    const found = await this.pipeline(tenant, pipelineId);
    if (!found) return undefined;
    const rows = await this.runtime.queryTenant<{
      stageId: string;
      deals: number;
      amountMinor: number;
      weightedMinor: number;
      currency: string | null;
    }>(
      tenant,
      (schema) => `select stage_id as "stageId", count(*)::int as deals, sum(amount_minor)::float8 as "amountMinor",
          sum(floor(amount_minor * probability / 100.0))::float8 as "weightedMinor", min(currency) as currency
        from ${schema}.cards where pipeline_id = $1 and kind = 'deal' and status <> 'lost' group by stage_id`,
      [pipelineId],
    );
    const stages = found.stages
      .filter((s) => s.closes !== 'lost')
      .map((s) => {
        const row = rows.find((r) => r.stageId === s.stageId);
        return {
          stageId: s.stageId,
          name: s.name,
          probability: s.probability,
          deals: row?.deals ?? 0,
          amountMinor: row?.amountMinor ?? 0,
          weightedMinor: row?.weightedMinor ?? 0,
        };
      });
    return {
      pipelineId,
      currency: rows.find((r) => r.currency)?.currency ?? null,
      stages,
      totalWeightedMinor: stages.reduce((sum, s) => sum + s.weightedMinor, 0),
    };
  }

  /** Cards created in [from, to): how many reached each stage (a later one, or won, counts as reaching it). */
  async funnel(tenant: TenantId, pipelineId: string, from: string, to: string): Promise<Funnel | undefined> {
    const found = await this.pipeline(tenant, pipelineId);
    if (!found) return undefined;
    const rows = await this.runtime.queryTenant<{ cardId: string; stageId: string }>(
      tenant,
      (schema) => `select h.card_id as "cardId", h.stage_id as "stageId" from ${schema}.stage_history h
        join ${schema}.cards c using (card_id) where c.pipeline_id = $1 and c.created_at >= $2 and c.created_at < $3`,
      [pipelineId, from, to],
    );
    const order = found.stages.filter((s) => s.closes !== 'lost');
    const index = (stageId: string) => {
      const stage = order.findIndex((s) => s.stageId === stageId);
      return stage;
    };
    const furthest = new Map<string, number>();
    for (const row of rows) furthest.set(row.cardId, Math.max(furthest.get(row.cardId) ?? 0, index(row.stageId)));
    const reached = order.map((_, i) => [...furthest.values()].filter((f) => f >= i).length);
    return {
      pipelineId,
      from,
      to,
      cards: furthest.size,
      stages: order.map((s, i) => ({
        stageId: s.stageId,
        name: s.name,
        reached: reached[i],
        conversion: i === order.length - 1 ? null : reached[i] === 0 ? 0 : reached[i + 1] / reached[i],
      })),
    };
  }

  async timeToHire(tenant: TenantId, pipelineId: string): Promise<TimeToHire | undefined> {
    const found = await this.pipeline(tenant, pipelineId);
    if (!found) return undefined;
    const rows = await this.runtime.queryTenant<{ candidateId: string; appliedAt: string; hiredAt: string }>(
      tenant,
      (
        schema,
      ) => `select card_id as "candidateId", created_at as "appliedAt", hired_at as "hiredAt" from ${schema}.cards
        where pipeline_id = $1 and hired_at is not null order by hired_at, card_id`,
      [pipelineId],
    );
    const candidates = rows.map((r) => ({
      ...r,
      days: Math.round(((Date.parse(r.hiredAt) - Date.parse(r.appliedAt)) / DAY) * 10) / 10,
    }));
    const days = candidates.map((c) => c.days).sort((a, b) => a - b);
    const middle = Math.floor(days.length / 2);
    return {
      pipelineId,
      hires: days.length,
      averageDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      medianDays: days.length ? (days.length % 2 ? days[middle] : (days[middle - 1] + days[middle]) / 2) : null,
      candidates,
    };
  }

  private async pipeline(tenant: TenantId, pipelineId: string) {
    const [row] = await this.runtime.queryTenant<PipelineSummary & { stages: Stage[] }>(
      tenant,
      (schema) => `select ${PIPELINE}, stages from ${schema}.pipelines where pipeline_id = $1`,
      [pipelineId],
    );
    return row;
  }
}
