import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { ImportStarted, ImportStudentsInput, StudentImport } from './admin.types';

/** Bulk admission from CSV through the gateway (Admin): start an import, follow it. */
@Resolver()
export class AdminImportsResolver {
  constructor(private readonly rest: Rest) {}

  @Mutation(() => ImportStarted, {
    description:
      'Import students from a CSV (school admin): checked whole, then imported row by row in the background.',
  })
  @Fronts('admin', 'POST /schools/{schoolId}/student-imports')
  async importStudents(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('input') { csv, ...query }: ImportStudentsInput,
  ): Promise<ImportStarted> {
    const path = withQuery(`/schools/${segment(schoolId)}/student-imports`, { ...query });
    const reply = await this.rest.sendText<ImportStarted>(context, 'admin', path, csv, 'text/csv');
    return { ...reply.body, consistencyToken: reply.consistencyToken };
  }

  @Query(() => StudentImport, {
    nullable: true,
    description: "An import's progress and refused rows; null when there is none (for the caller).",
  })
  @Fronts('admin', 'GET /student-imports/{importId}')
  studentImport(@Context() context: GqlContext, @Args('importId', { type: () => ID }) importId: string) {
    return this.rest.find<StudentImport>(context, 'admin', `/student-imports/${segment(importId)}`);
  }
}
