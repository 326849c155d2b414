import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { CommandResult } from '../common/results';
import { StaffPlacement, StaffTransferInput, StudentHome, TransferInput } from './hq.types';

/** Student and staff transfers between the group’s schools (HQ moves people). */
@Resolver()
export class TransfersResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => StudentHome, {
    nullable: true,
    description: 'A student’s home school; null outside the caller’s schools.',
  })
  @Fronts('hq', 'GET /students/{id}/home')
  studentHome(@Context() context: GqlContext, @Args('studentId', { type: () => ID }) studentId: string) {
    return this.rest.find<StudentHome>(context, 'hq', `/students/${segment(studentId)}/home`);
  }

  @Query(() => StaffPlacement, {
    nullable: true,
    description: 'Where a member of staff works; null outside the caller’s schools.',
  })
  @Fronts('hq', 'GET /staff/{id}/placement')
  staffPlacement(@Context() context: GqlContext, @Args('userId', { type: () => ID }) userId: string) {
    return this.rest.find<StaffPlacement>(context, 'hq', `/staff/${segment(userId)}/placement`);
  }

  @Mutation(() => CommandResult, {
    description: 'Move a student to another school of the group (HQ); answers the transfer id.',
  })
  @Fronts('hq', 'POST /students/{id}/transfers')
  async transferStudent(
    @Context() context: GqlContext,
    @Args('studentId', { type: () => ID }) studentId: string,
    @Args('input') input: TransferInput,
  ): Promise<CommandResult> {
    const path = `/students/${segment(studentId)}/transfers`;
    const reply = await this.rest.send<{ transferId: string }>(context, 'hq', 'POST', path, { ...input });
    return { id: reply.body.transferId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CommandResult, { description: 'Move a member of staff to another school with their roles (HQ).' })
  @Fronts('hq', 'POST /staff/{id}/transfers')
  async transferStaff(
    @Context() context: GqlContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('input') input: StaffTransferInput,
  ): Promise<CommandResult> {
    const path = `/staff/${segment(userId)}/transfers`;
    const reply = await this.rest.send<{ transferId: string }>(context, 'hq', 'POST', path, { ...input });
    return { id: reply.body.transferId, consistencyToken: reply.consistencyToken };
  }
}
