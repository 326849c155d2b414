import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { isDomainError } from '@hexfleet/kernel';
import type { TenantId } from '@hexfleet/kernel';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { academicYearDecider, rolloverDecider, schoolDecider } from '../domain';
import type { RolloverState } from '../domain';
import { HQ_SETTINGS } from './hq-settings';
import type { HqSettings } from './hq-settings';
import { SCHOOL_DIRECTORY } from './school-directory.port';
import type { SchoolDirectory } from './school-directory.port';

const ROLLOVER_NAMESPACE = '8f3c2e71-4b6a-4d0e-9a57-2c1f0e6b3d94';
const MAX_PAGE = 200;
const RETRY = { retries: 2 };

/**
 * The year-end rollover: HQ starts it once per ending year (the open schools at that moment),
 * then each school steps into the next year in a transaction of its own, whose command id
 * derives from the year and the school. So a run that stops (a crash, or the per-request
 * bound) is resumed by running it again, concurrent runs step each school once, and a run
 * after the end changes nothing (409 rollover-already-completed).
 */
@Injectable()
export class RolloverCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly streams: Streams,
    private readonly time: TimeAndIds,
    @Inject(SCHOOL_DIRECTORY) private readonly schools: SchoolDirectory,
    @Inject(HQ_SETTINGS) private readonly settings: HqSettings,
  ) {}

  /** Starts (or resumes) the rollover, steps up to the configured number of schools, and says how far it got. */
  async run(caller: Principal, fromYearId: string, toYearId: string): Promise<views.hq.RolloverView> {
    const schoolIds = await this.openSchools(caller.tenant);
    await this.commands.transact(
      caller,
      async (tx) => {
        const fromYear = await tx.load(academicYearDecider, 'academic-year', fromYearId);
        const toYear = await tx.load(academicYearDecider, 'academic-year', toYearId);
        // Only the schools the ending year was published to (all, when it named none).
        const scope = fromYear.state.status === 'published' ? fromYear.state.schoolIds : [];
        const data = {
          fromYear: fromYear.state,
          toYear: toYear.state,
          schoolIds: scope.length ? schoolIds.filter((id) => scope.includes(id)) : schoolIds,
          startedBy: caller.userId,
        };
        const run = await tx.load(rolloverDecider, 'rollover', fromYearId);
        tx.append(
          run,
          rolloverDecider.decide({ type: 'StartRollover', data, metadata: { now: this.time.now() } }, run.state),
        );
        // Runs racing to start: a loser re-reads the start and resumes with the winner's schools.
      },
      RETRY,
    );
    await this.advance(caller.tenant, fromYearId, caller.userId);
    return this.progress(caller.tenant, fromYearId);
  }

  /** How far the rollover got, from the streams themselves (no read model to lag). */
  async progress(tenant: TenantId, fromYearId: string): Promise<views.hq.RolloverView> {
    const { state } = await this.streams.load(rolloverDecider, tenant, 'rollover', fromYearId);
    if (state.status === 'none') throw new NotFoundException(`no rollover of year ${fromYearId}`);
    const schools = await Promise.all(state.schoolIds.map((schoolId) => this.stepOf(tenant, state, schoolId)));
    return { fromYearId, toYearId: state.toYearId, status: state.status, schools };
  }

  private async advance(tenant: TenantId, fromYearId: string, userId: string): Promise<void> {
    const { state } = await this.streams.load(rolloverDecider, tenant, 'rollover', fromYearId);
    if (state.status !== 'started') return;
    const { toYearId } = state;
    let budget = this.settings.rolloverSchoolsPerRun;
    const settled: string[] = [];
    for (const schoolId of state.schoolIds) {
      const step = await this.stepOf(tenant, state, schoolId);
      if (step.state !== 'pending') settled.push(schoolId);
      else if (budget-- > 0) {
        await this.step(tenant, schoolId, { fromYearId, toYearId, rolledOverBy: userId });
        settled.push(schoolId);
      }
    }
    if (settled.length < state.schoolIds.length) return;
    await this.commands.issue(
      tenant,
      this.commandId(tenant, fromYearId, 'completed'),
      async (tx) => {
        const run = await tx.load(rolloverDecider, 'rollover', fromYearId);
        // A concurrent run may have completed it first: then there is nothing left to do.
        if (run.state.status !== 'started') return;
        const command = { type: 'CompleteRollover' as const, data: { settled }, metadata: { now: this.time.now() } };
        tx.append(run, rolloverDecider.decide(command, run.state));
      },
      RETRY,
    );
  }

  /** One school into the next year, once: its command id derives from the year and the school. */
  private async step(
    tenant: TenantId,
    schoolId: string,
    data: { fromYearId: string; toYearId: string; rolledOverBy: string },
  ) {
    try {
      await this.commands.issue(
        tenant,
        this.commandId(tenant, data.fromYearId, schoolId),
        async (tx) => {
          const school = await tx.load(schoolDecider, 'school', schoolId);
          const command = { type: 'RollOverSchool' as const, data, metadata: { now: this.time.now() } };
          tx.append(school, schoolDecider.decide(command, school.state));
          // A concurrent run stepping the same school: the retry finds its command applied.
        },
        RETRY,
      );
    } catch (error) {
      // Closed since we looked: left out, like the schools closed before.
      if (!isDomainError(error) || error.code !== 'school-closed') throw error;
    }
  }

  private async stepOf(
    tenant: TenantId,
    run: Extract<RolloverState, { fromYearId: string }>,
    schoolId: string,
  ): Promise<views.hq.RolloverSchoolView> {
    const { state } = await this.streams.load(schoolDecider, tenant, 'school', schoolId);
    if (state.status !== 'none' && state.rolledOver[run.fromYearId] === run.toYearId)
      return { schoolId, state: 'rolled-over' };
    // A school closed since the start has no next year: it is left out, not waited for.
    return { schoolId, state: state.status === 'open' ? 'pending' : 'skipped' };
  }

  private commandId(tenant: TenantId, fromYearId: string, step: string) {
    return uuidv5(`${tenant}/rollover/${fromYearId}/${step}`, ROLLOVER_NAMESPACE);
  }

  /** The group's open schools, as the directory lists them. */
  private async openSchools(tenant: TenantId): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = await this.schools.page(tenant, { all: true }, { limit: MAX_PAGE, offset, status: 'open' });
      ids.push(...page.items.map((school) => school.schoolId));
      if (ids.length >= page.total || page.items.length === 0) return ids;
    }
  }
}
