import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, employeeOf } from './hrms.common';
import {
  Employee,
  EmployeeFilter,
  EmployeePage,
  HireEmployeeInput,
  PromoteEmployeeInput,
  SeparateEmployeeInput,
  TransferEmployeeInput,
} from './hrms.types';
import type { EmployeeView } from './hrms.types';

/** HRMS through the gateway: the directory (with managers batched), hiring and an employee's moves. */
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
    return employeeOf(context, id);
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all managers.' })
  manager(@Parent() employee: EmployeeView, @Context() context: GqlContext) {
    return employee.managerId ? employeeOf(context, employee.managerId) : null;
  }

  @Mutation(() => CommandResult, { description: 'Hire someone (role hr). Payroll enrols them from the event.' })
  @Fronts('hrms', 'POST /employees')
  hireEmployee(@Context() context: GqlContext, @Args('input') input: HireEmployeeInput) {
    return created(
      this.rest.send<{ employeeId: string }>(context, 'hrms', 'POST', '/employees', { ...input }),
      'employeeId',
    );
  }

  @Mutation(() => Accepted, { description: 'Promote an employee to another designation (HR).' })
  @Fronts('hrms', 'POST /employees/{id}/promotions')
  promoteEmployee(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PromoteEmployeeInput,
  ) {
    return this.move(context, id, 'promotions', input);
  }

  @Mutation(() => Accepted, {
    description: 'Move an employee to a new placement: department, manager, holiday list (HR).',
  })
  @Fronts('hrms', 'POST /employees/{id}/transfers')
  transferEmployee(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TransferEmployeeInput,
  ) {
    return this.move(context, id, 'transfers', input);
  }

  @Mutation(() => Accepted, { description: 'Record that an employee leaves, with their last working day (HR).' })
  @Fronts('hrms', 'POST /employees/{id}/separation')
  separateEmployee(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SeparateEmployeeInput,
  ) {
    return this.move(context, id, 'separation', input);
  }

  /** A step of an employee's record (POST /employees/{id}/<step>): accepted, with its token. */
  private move(context: GqlContext, id: string, step: string, input: object) {
    return this.rest.accept(context, 'hrms', 'POST', `/employees/${segment(id)}/${step}`, { ...input });
  }
}
