import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs, Paged } from '../common/pages';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { segment } from '../common/paths';

@ObjectType({ description: 'A register of attendance, as its read model lists it.' })
export class AttendanceRegister {
  @Field(() => ID) registerId!: string;
  @Field() name!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) renamedAt!: string | null;
}

export const AttendanceRegisterPage = Paged(AttendanceRegister);

@InputType({ description: 'The name of a register (1 to 200 characters).' })
export class AttendanceRegisterNameInput {
  @Field() name!: string;
}

/** Attendance through the gateway: one field per REST operation of the service. */
@Resolver()
export class AttendanceResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => AttendanceRegisterPage, { description: 'The registers of attendance, by name, a page at a time.' })
  @Fronts('attendance', 'GET /registers')
  attendanceRegisters(@Context() context: GqlContext, @Args() page: PageArgs) {
    return this.rest.page<AttendanceRegister>(context, 'attendance', '/registers', page);
  }

  @Query(() => AttendanceRegister, { nullable: true, description: 'One register; null when there is none.' })
  @Fronts('attendance', 'GET /registers/{id}')
  attendanceRegister(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<AttendanceRegister>(context, 'attendance', `/registers/${segment(id)}`);
  }

  @Mutation(() => CommandResult, { description: 'Create a register.' })
  @Fronts('attendance', 'POST /registers')
  async createAttendanceRegister(
    @Context() context: GqlContext,
    @Args('input') input: AttendanceRegisterNameInput,
  ): Promise<CommandResult> {
    const reply = await this.rest.send<{ registerId: string }>(context, 'attendance', 'POST', '/registers', {
      ...input,
    });
    return { id: reply.body.registerId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Give a register another name.' })
  @Fronts('attendance', 'POST /registers/{id}/rename')
  renameAttendanceRegister(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AttendanceRegisterNameInput,
  ) {
    return this.rest.accept(context, 'attendance', 'POST', `/registers/${segment(id)}/rename`, { ...input });
  }
}
