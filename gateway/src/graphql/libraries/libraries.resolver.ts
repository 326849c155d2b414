import { Args, Context, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Upstreams } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { segment, withQuery } from '../common/paths';
import { fromUpstream } from '../common/errors';

@ObjectType({ description: 'A title of a school library’s catalogue with its availability.' })
export class CatalogueTitle implements views.libraries.TitleView {
  @Field(() => ID) titleId!: string;
  @Field(() => ID) schoolId!: string;
  @Field() title!: string;
  @Field(() => [String]) authors!: string[];
  @Field(() => String, { nullable: true }) isbn!: string | null;
  @Field() itemType!: string;
  @Field(() => Int) copies!: number;
  @Field(() => Int) available!: number;
  @Field(() => Int, { description: 'How many times a copy of it was lent' }) timesBorrowed!: number;
}

@ObjectType()
export class LoanResult {
  @Field(() => ID) loanId!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate?: string;
  @Field(() => String, { nullable: true, description: 'Send as X-Consistency-Token to read your own write.' })
  consistencyToken?: string;
}

/** The school ERP through the gateway: library catalogue and desk. */
@Resolver()
export class LibrariesResolver {
  constructor(private readonly upstreams: Upstreams) {}

  @Query(() => [CatalogueTitle], { description: 'Search a school library’s catalogue.' })
  async catalogue(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('q', { nullable: true }) q?: string,
    @Args('available', { nullable: true }) available?: boolean,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    const path = withQuery('/titles', { schoolId, q, available, limit });
    return (await fromUpstream(this.upstreams.call<CatalogueTitle[]>('libraries', callerOf(context), 'GET', path)))
      .body;
  }

  @Mutation(() => LoanResult, { description: 'Check a copy out to a patron (library staff).' })
  async borrowCopy(
    @Context() context: GqlContext,
    @Args('copyId', { type: () => ID }) copyId: string,
    @Args('patronId', { type: () => ID }) patronId: string,
  ): Promise<LoanResult> {
    const reply = await fromUpstream(
      this.upstreams.call<LoanResult>('libraries', callerOf(context), 'POST', '/loans', { copyId, patronId }),
    );
    return { ...reply.body, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => LoanResult, { description: 'Take a loaned copy back.' })
  async returnLoan(
    @Context() context: GqlContext,
    @Args('loanId', { type: () => ID }) loanId: string,
  ): Promise<LoanResult> {
    const path = `/loans/${segment(loanId)}/return`;
    const reply = await fromUpstream(this.upstreams.call<object>('libraries', callerOf(context), 'POST', path));
    return { loanId, consistencyToken: reply.consistencyToken };
  }
}
