import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Upstreams } from '../upstreams';
import { callerOf } from './context';
import type { GqlContext } from './context';
import { CommandResult, Employee, EmployeeFilter, EmployeePage, HireEmployeeInput } from './hrms.types';
import type { EmployeeView } from './hrms.types';
import { withQuery } from './paths';
import { fromUpstream } from './upstream-errors';

/** HRMS through the gateway: the directory (with managers batched) and hiring. */
@Resolver(() => Employee)
export class HrmsResolver {
  constructor(private readonly upstreams: Upstreams) {}

  @Query(() => EmployeePage, { description: 'The employee directory, filtered and paged.' })
  employees(
    @Context() context: GqlContext,
    @Args('filter', { nullable: true }) filter?: EmployeeFilter,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
  ) {
    const path = withQuery('/employees', { ...filter, limit, offset });
    return fromUpstream(this.upstreams.call<EmployeePage>('hrms', callerOf(context), 'GET', path)).then((r) => r.body);
  }

  @Query(() => Employee, { nullable: true })
  employee(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return fromUpstream(callerOf(context).loaders.employee.load(id));
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all managers.' })
  manager(@Parent() employee: EmployeeView, @Context() context: GqlContext) {
    return employee.managerId ? fromUpstream(callerOf(context).loaders.employee.load(employee.managerId)) : null;
  }

  @Mutation(() => CommandResult, { description: 'Hire someone (role hr). Payroll enrols them from the event.' })
  async hireEmployee(@Context() context: GqlContext, @Args('input') input: HireEmployeeInput): Promise<CommandResult> {
    const reply = await fromUpstream(
      this.upstreams.call<{ employeeId: string }>('hrms', callerOf(context), 'POST', '/employees', { ...input }),
    );
    return { id: reply.body.employeeId, consistencyToken: reply.consistencyToken };
  }
}
