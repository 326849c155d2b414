import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { Rest } from '../common/rest';
import { CommandResult } from '../common/results';
import { Employee, EmployeeFilter, EmployeePage, HireEmployeeInput } from './hrms.types';
import type { EmployeeView } from './hrms.types';

/** HRMS through the gateway: the directory (with managers batched) and hiring. */
@Resolver(() => Employee)
export class HrmsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => EmployeePage, { description: 'The employee directory, filtered and paged.' })
  @Fronts('hrms', 'GET /employees')
  employees(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: EmployeeFilter,
  ) {
    return this.rest.page<EmployeeView>(context, 'hrms', '/employees', page, { ...filter });
  }

  @Query(() => Employee, { nullable: true, description: 'One employee; null when there is none (for the caller).' })
  @Fronts('hrms', 'GET /employees/{id}')
  employee(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return fromUpstream(callerOf(context).loaders.employee.load(id));
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all managers.' })
  manager(@Parent() employee: EmployeeView, @Context() context: GqlContext) {
    return employee.managerId ? fromUpstream(callerOf(context).loaders.employee.load(employee.managerId)) : null;
  }

  @Mutation(() => CommandResult, { description: 'Hire someone (role hr). Payroll enrols them from the event.' })
  @Fronts('hrms', 'POST /employees')
  async hireEmployee(@Context() context: GqlContext, @Args('input') input: HireEmployeeInput): Promise<CommandResult> {
    const reply = await this.rest.send<{ employeeId: string }>(context, 'hrms', 'POST', '/employees', { ...input });
    return { id: reply.body.employeeId, consistencyToken: reply.consistencyToken };
  }
}
