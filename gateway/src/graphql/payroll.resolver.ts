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
import { Upstreams } from '../upstreams';
import { callerOf } from './context';
import type { GqlContext } from './context';
import { Employee } from './hrms.types';
import { segment, withQuery } from './paths';
import { fromUpstream } from './upstream-errors';

@ObjectType({ description: 'A pay run of one period with its totals (money in integer minor units).' })
export class PayrollRun {
  @Field(() => ID) runId!: string;
  @Field({ description: 'YYYY-MM' }) period!: string;
  @Field(() => Int) revision!: number;
  @Field() currency!: string;
  @Field() status!: string;
  @Field(() => Int) payslipCount!: number;
  @Field(() => Float) grossMinor!: number;
  @Field(() => Float) deductionsMinor!: number;
  @Field(() => Float) netMinor!: number;
}

@ObjectType({ description: 'One employee’s payslip of a run (money in integer minor units).' })
export class Payslip {
  @Field(() => ID) payslipId!: string;
  @Field(() => ID) runId!: string;
  @Field() period!: string;
  @Field(() => ID) employeeId!: string;
  @Field() employeeName!: string;
  @Field() currency!: string;
  @Field(() => Float) paymentDays!: number;
  @Field(() => Float) grossMinor!: number;
  @Field(() => Float) deductionsMinor!: number;
  @Field(() => Float) netMinor!: number;
  @Field() final!: boolean;
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
