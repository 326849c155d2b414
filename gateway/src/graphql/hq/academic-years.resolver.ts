import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { CommandResult } from '../common/results';
import { AcademicYear, AcademicYearPage, PublishAcademicYearInput } from './hq.types';

/** Academic-year templates: HQ publishes them; a school sees those published to it or to every school. */
@Resolver(() => AcademicYear)
export class AcademicYearsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => AcademicYearPage, {
    description: 'The academic years the caller’s schools have (HQ: all), newest first.',
  })
  @Fronts('hq', 'GET /academic-years')
  academicYears(@Context() context: GqlContext, @Args() page: PageArgs) {
    return this.rest.page<AcademicYear>(context, 'hq', '/academic-years', page);
  }

  @Query(() => AcademicYear, { nullable: true, description: 'One academic year; null when the caller has none such.' })
  @Fronts('hq', 'GET /academic-years/{id}')
  academicYear(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<AcademicYear>(context, 'hq', `/academic-years/${segment(id)}`);
  }

  @Mutation(() => CommandResult, { description: 'Publish an academic year with its terms to schools (HQ).' })
  @Fronts('hq', 'POST /academic-years')
  async publishAcademicYear(
    @Context() context: GqlContext,
    @Args('input') input: PublishAcademicYearInput,
  ): Promise<CommandResult> {
    const body = { ...input, terms: input.terms.map((term) => ({ ...term })) };
    const reply = await this.rest.send<{ yearId: string }>(context, 'hq', 'POST', '/academic-years', body);
    return { id: reply.body.yearId, consistencyToken: reply.consistencyToken };
  }
}
