import {
  Args,
  Context,
  Field,
  Float,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { payroll, views } from '@hexfleet/schemas';
import { Upstreams } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { Employee } from '../hrms/hrms.types';
import { segment, withQuery } from '../common/paths';
import { fromUpstream } from '../common/errors';

@ObjectType({ description: 'A pay run of one period with its totals (money in integer minor units).' })
export class PayrollRun implements views.payroll.PayrollRunView {
  @Field(() => ID) runId!: string;
  @Field({ description: 'YYYY-MM' }) period!: string;
  @Field(() => Int, { description: '1 for the first run of the period, +1 for each amendment' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'The cancelled run this one amends' }) amendsRunId!: string | null;
  @Field() currency!: string;
  @Field({ description: 'ISO-8601 instant' }) createdAt!: string;
  @Field(() => String, { description: 'draft, finalized or cancelled' })
  status!: views.payroll.PayrollRunView['status'];
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant' }) finalizedAt!: string | null;
  @Field(() => Int) payslipCount!: number;
  @Field(() => Float) grossMinor!: number;
  @Field(() => Float) deductionsMinor!: number;
  @Field(() => Float) netMinor!: number;
}

@ObjectType({ description: 'One line of a payslip: a salary component and its prorated amount (minor units).' })
export class PayslipLine implements payroll.PayslipLine {
  @Field(() => ID) componentId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { description: 'earning or deduction' }) kind!: payroll.ComponentKind;
  @Field(() => Float) amountMinor!: number;
}

@ObjectType({ description: 'One employee’s payslip of a run (money in integer minor units).' })
export class Payslip implements views.payroll.PayslipView {
  @Field(() => ID) payslipId!: string;
  @Field(() => ID) runId!: string;
  @Field() period!: string;
  @Field(() => Int) revision!: number;
  @Field(() => ID) employeeId!: string;
  @Field() employeeName!: string;
  @Field(() => ID) structureId!: string;
  @Field() currency!: string;
  @Field(() => Float) periodDays!: number;
  @Field(() => Float) employedDays!: number;
  @Field(() => Float) unpaidLeaveDays!: number;
  @Field(() => Float) absentDays!: number;
  @Field(() => Float) paymentDays!: number;
  @Field(() => [PayslipLine]) lines!: PayslipLine[];
  @Field(() => Float) grossMinor!: number;
  @Field(() => Float) deductionsMinor!: number;
  @Field(() => Float) netMinor!: number;
  @Field({ description: 'A final payslip (the employee left in the period)' }) final!: boolean;
  @Field(() => String, { description: 'current, replaced or cancelled' }) status!: views.payroll.PayslipView['status'];
}

/** Payroll through the gateway; a payslip's employee comes from HRMS, batched. */
@Resolver(() => Payslip)
export class PayrollResolver {
  constructor(private readonly upstreams: Upstreams) {}

  @Query(() => [PayrollRun])
  async payrollRuns(@Context() context: GqlContext, @Args('period', { nullable: true }) period?: string) {
    const path = withQuery('/payroll-runs', { period });
    return (await fromUpstream(this.upstreams.call<PayrollRun[]>('payroll', callerOf(context), 'GET', path))).body;
  }

  @Query(() => [Payslip], { description: 'The current payslips of a period (YYYY-MM).' })
  async payslips(@Context() context: GqlContext, @Args('period') period: string) {
    const path = `/payroll-runs/${segment(period)}/payslips`;
    return (await fromUpstream(this.upstreams.call<Payslip[]>('payroll', callerOf(context), 'GET', path))).body;
  }

  @ResolveField(() => Employee, { nullable: true })
  employee(@Parent() payslip: Payslip, @Context() context: GqlContext) {
    return fromUpstream(callerOf(context).loaders.employee.load(payslip.employeeId));
  }
}
