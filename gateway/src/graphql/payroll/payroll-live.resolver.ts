import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { LiveEvent } from '../../live-feed';
import { segment } from '../common/paths';
import { LiveViews } from '../live/live-views';
import type { LiveContext, LivePayload, LiveViewSpec } from '../live/live-views';
import { PayrollRun } from './payroll.types';
import type { PayrollRunView } from './payroll.types';

interface RunArgs {
  period?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A run's row changes with every event of its period's stream (created, each
 * payslip generated, finalized, cancelled); the event's subject is the period
 * (`<tenant>:<YYYY-MM>` is the stream's key), so the period's runs are read and
 * the event's own run (its `runId`, in the data) is the row sent.
 */
const PAYROLL_RUNS: LiveViewSpec<PayrollRunView[], RunArgs> = {
  module: 'payroll',
  topics: ['payroll.payroll-run.v1'],
  path: (event) => `/payroll-runs/${segment(event.subject)}`,
  where: (runs) => runs.length > 0,
};

const runIdOf = (event: LiveEvent): string | undefined => {
  const data: unknown = JSON.parse(event.data);
  return data && typeof data === 'object' && 'runId' in data ? String(data.runId) : undefined;
};

/** Live payroll screens: a run's progress while its payslips are computed, and when it is locked or cancelled. */
@Resolver()
export class PayrollLiveResolver {
  constructor(private readonly live: LiveViews) {}

  @Subscription(() => PayrollRun, {
    description:
      'A pay run’s row (status, payslip count, totals) each time it changes: created, every payslip computed, ' +
      'finalized, cancelled. Of one month, or of every month when no period is given (role payroll-admin).',
    filter(this: PayrollLiveResolver, payload: LivePayload, args: RunArgs, context: LiveContext) {
      // The subject is the period: another month's events are not even read.
      if (args.period && payload.domainEvents.subject !== args.period) return false;
      return this.live.visible(PAYROLL_RUNS, payload, args, context);
    },
    resolve(this: PayrollLiveResolver, payload: LivePayload, _args: unknown, context: LiveContext) {
      const runs = this.live.rowOf<PayrollRunView[]>(payload, context);
      const runId = runIdOf(payload.domainEvents);
      return runs.find((run) => run.runId === runId) ?? runs[0];
    },
  })
  payrollRunChanged(
    @Context() context: LiveContext,
    @Args('period', { nullable: true, description: 'A month, YYYY-MM' }) period?: string,
  ) {
    if (period != null && !MONTH.test(period)) {
      const message = 'must be a month, YYYY-MM';
      throw new GraphQLError(`period: ${message}`, {
        extensions: { code: 'validation-failed', status: 400, errors: [{ field: 'period', message }] },
      });
    }
    return this.live.subscribe(context);
  }
}
