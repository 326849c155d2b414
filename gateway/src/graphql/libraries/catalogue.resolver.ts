import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, idOf } from './libraries.common';
import { AddCopyInput, CatalogueFilter, CatalogueTitleInput, LoanRuleInput } from './libraries.inputs';
import { CatalogueTitle, CatalogueTitlePage, LoanRule, TitleDetails } from './libraries.types';

const AXIS = (axis: string) => ({ nullable: true, description: `1 to 40 characters; absent: the "any ${axis}" axis` });

/** A school library's holdings through the gateway: titles, copies and the loan-rule matrix. */
@Resolver(() => CatalogueTitle)
export class CatalogueResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => CatalogueTitlePage, { description: 'Search a school library’s catalogue, with availability.' })
  @Fronts('libraries', 'GET /titles')
  catalogue(
    @Context() context: GqlContext,
    @Args('schoolId', idOf('school')) schoolId: string,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: CatalogueFilter,
  ) {
    return this.rest.page<CatalogueTitle>(context, 'libraries', '/titles', page, { schoolId, ...filter });
  }

  @Query(() => TitleDetails, { nullable: true, description: 'One title with its copies; null when there is none.' })
  @Fronts('libraries', 'GET /titles/{titleId}')
  title(@Context() context: GqlContext, @Args('titleId', idOf('title')) titleId: string) {
    return this.rest.find<TitleDetails>(context, 'libraries', `/titles/${segment(titleId)}`);
  }

  @Mutation(() => CommandResult, { description: 'Catalogue a title (library staff); its id is the result’s id.' })
  @Fronts('libraries', 'POST /titles')
  catalogueTitle(@Context() context: GqlContext, @Args('input') input: CatalogueTitleInput) {
    return created(
      this.rest.send<{ titleId: string }>(context, 'libraries', 'POST', '/titles', { ...input }),
      'titleId',
    );
  }

  @Mutation(() => CommandResult, { description: 'Add a physical copy of a title (library staff).' })
  @Fronts('libraries', 'POST /titles/{titleId}/copies')
  addCopy(
    @Context() context: GqlContext,
    @Args('titleId', idOf('title')) titleId: string,
    @Args('input') input: AddCopyInput,
  ) {
    const path = `/titles/${segment(titleId)}/copies`;
    return created(this.rest.send<{ copyId: string }>(context, 'libraries', 'POST', path, { ...input }), 'copyId');
  }

  @Query(() => [LoanRule], { description: 'A school’s loan-rule matrix, the default first.' })
  @Fronts('libraries', 'GET /schools/{schoolId}/loan-rules')
  loanRules(@Context() context: GqlContext, @Args('schoolId', idOf('school')) schoolId: string) {
    return this.rest.get<LoanRule[]>(context, 'libraries', `/schools/${segment(schoolId)}/loan-rules`);
  }

  @Mutation(() => Accepted, {
    description: 'Set one cell of a school’s loan-rule matrix (library staff; the first must be the default).',
  })
  @Fronts('libraries', 'PUT /schools/{schoolId}/loan-rules')
  setLoanRule(
    @Context() context: GqlContext,
    @Args('schoolId', idOf('school')) schoolId: string,
    @Args('input') input: LoanRuleInput,
  ) {
    return this.rest.accept(context, 'libraries', 'PUT', `/schools/${segment(schoolId)}/loan-rules`, { ...input });
  }

  @Mutation(() => Accepted, {
    description: 'Remove one cell of the matrix (library staff; the default only while HQ pushed one to fall back to).',
  })
  @Fronts('libraries', 'DELETE /schools/{schoolId}/loan-rules')
  removeLoanRule(
    @Context() context: GqlContext,
    @Args('schoolId', idOf('school')) schoolId: string,
    @Args('patronCategory', AXIS('category')) patronCategory?: string,
    @Args('itemType', AXIS('item type')) itemType?: string,
  ) {
    const path = withQuery(`/schools/${segment(schoolId)}/loan-rules`, { patronCategory, itemType });
    return this.rest.accept(context, 'libraries', 'DELETE', path);
  }
}
