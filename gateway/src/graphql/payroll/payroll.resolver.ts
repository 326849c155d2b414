import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { Employee } from '../hrms/hrms.types';
import { CreatePayrollRunInput, PayrollRun, Payslip, PayslipPage } from './payroll.types';
import type { PayrollRunView } from './payroll.types';

const PERIOD = { description: 'A month, YYYY-MM' };
const REASON = { nullable: true, description: 'Why; up to 500 characters' };
const runPath = (period: string, action = '') => `/payroll-runs/${segment(period)}${action}`;

/** Pay runs through the gateway (role payroll-admin): create, finalize, cancel, amend; totals and payslips. */
@Resolver(() => Payslip)
export class PayrollResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [PayrollRun], {
    description: 'Every pay run, newest period and revision first; with a period, only that month’s revisions.',
  })
  @Fronts('payroll', 'GET /payroll-runs', 'GET /payroll-runs/{period}')
  payrollRuns(@Context() context: GqlContext, @Args('period', { ...PERIOD, nullable: true }) period?: string) {
    return this.rest.get<PayrollRunView[]>(context, 'payroll', period ? runPath(period) : '/payroll-runs');
  }

  @Query(() => PayrollRun, {
    nullable: true,
    description: 'A month’s latest run (the live one, or the last cancelled); null when the month has none.',
  })
  @Fronts('payroll', 'GET /payroll-runs/{period}')
  async payrollRun(@Context() context: GqlContext, @Args('period', PERIOD) period: string) {
    const [latest] = await this.rest.get<PayrollRunView[]>(context, 'payroll', runPath(period));
    return latest ?? null;
  }

  @Query(() => PayslipPage, { description: 'The payslips a month’s live run pays, by employee name.' })
  @Fronts('payroll', 'GET /payroll-runs/{period}/payslips')
  payslips(@Context() context: GqlContext, @Args() page: PageArgs, @Args('period', PERIOD) period: string) {
    return this.rest.page<views.payroll.PayslipView>(context, 'payroll', runPath(period, '/payslips'), page);
  }

  @Query(() => [Payslip], {
    description: 'An employee’s payslips of every month and revision, newest first (recomputed ones left out).',
  })
  @Fronts('payroll', 'GET /employees/{id}/payslips')
  employeePayslips(@Context() context: GqlContext, @Args('employeeId', { type: () => ID }) employeeId: string) {
    return this.rest.get<views.payroll.PayslipView[]>(context, 'payroll', `/employees/${segment(employeeId)}/payslips`);
  }

  @ResolveField(() => Employee, { nullable: true, description: 'From HRMS, batched: one call for a page.' })
  employee(@Parent() payslip: Payslip, @Context() context: GqlContext) {
    return fromUpstream(callerOf(context).loaders.employee.load(payslip.employeeId));
  }

  @Mutation(() => CommandResult, {
    description: 'Create a month’s run with a payslip per enrolled employee (payroll-run-exists while one is live).',
  })
  @Fronts('payroll', 'POST /payroll-runs')
  async createPayrollRun(@Context() context: GqlContext, @Args('input') input: CreatePayrollRunInput) {
    const reply = await this.rest.send<{ runId: string }>(context, 'payroll', 'POST', '/payroll-runs', { ...input });
    return { id: reply.body.runId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Lock a month’s draft run: its payslips are final.' })
  @Fronts('payroll', 'POST /payroll-runs/{period}/finalize')
  finalizePayrollRun(@Context() context: GqlContext, @Args('period', PERIOD) period: string) {
    return this.rest.accept(context, 'payroll', 'POST', runPath(period, '/finalize'));
  }

  @Mutation(() => Accepted, { description: 'Cancel a month’s run, draft or finalized; HRMS reopens the month.' })
  @Fronts('payroll', 'POST /payroll-runs/{period}/cancel')
  cancelPayrollRun(
    @Context() context: GqlContext,
    @Args('period', PERIOD) period: string,
    @Args('reason', REASON) reason?: string,
  ) {
    return this.rest.accept(context, 'payroll', 'POST', runPath(period, '/cancel'), { reason });
  }

  @Mutation(() => CommandResult, {
    description: 'Cancel a finalized run and create the next revision from today’s facts; the id is the new run’s.',
  })
  @Fronts('payroll', 'POST /payroll-runs/{period}/amend')
  async amendPayrollRun(
    @Context() context: GqlContext,
    @Args('period', PERIOD) period: string,
    @Args('reason', REASON) reason?: string,
  ) {
    const path = runPath(period, '/amend');
    const reply = await this.rest.send<{ runId: string }>(context, 'payroll', 'POST', path, { reason });
    return { id: reply.body.runId, consistencyToken: reply.consistencyToken };
  }
}
