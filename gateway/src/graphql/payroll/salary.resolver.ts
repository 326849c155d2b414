import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { AssignSalaryStructureInput, DefineSalaryComponentInput, DefineSalaryStructureInput } from './payroll.types';

/** The payroll admin's set-up through the gateway: components, structures, and who is paid by which. */
@Resolver()
export class SalaryResolver {
  constructor(private readonly rest: Rest) {}

  @Mutation(() => CommandResult, { description: 'Define a salary component (salary-component-exists for its code).' })
  @Fronts('payroll', 'POST /salary-components')
  async defineSalaryComponent(@Context() context: GqlContext, @Args('input') input: DefineSalaryComponentInput) {
    const reply = await this.rest.send<{ componentId: string }>(context, 'payroll', 'POST', '/salary-components', {
      ...input,
    });
    return { id: reply.body.componentId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CommandResult, { description: 'Define a salary structure from defined components.' })
  @Fronts('payroll', 'POST /salary-structures')
  async defineSalaryStructure(@Context() context: GqlContext, @Args('input') input: DefineSalaryStructureInput) {
    const body = { ...input, lines: input.lines.map((line) => ({ ...line })) };
    const reply = await this.rest.send<{ structureId: string }>(context, 'payroll', 'POST', '/salary-structures', body);
    return { id: reply.body.structureId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, {
    description: 'Pay an enrolled employee by a structure and monthly base from a date (employee-not-enrolled before).',
  })
  @Fronts('payroll', 'POST /employees/{id}/salary-assignments')
  assignSalaryStructure(
    @Context() context: GqlContext,
    @Args('employeeId', { type: () => ID }) employeeId: string,
    @Args('input') input: AssignSalaryStructureInput,
  ) {
    const path = `/employees/${segment(employeeId)}/salary-assignments`;
    return this.rest.accept(context, 'payroll', 'POST', path, { ...input });
  }
}
