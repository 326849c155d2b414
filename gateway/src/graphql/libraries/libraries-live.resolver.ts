import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { segment } from '../common/paths';
import { LiveViews } from '../live/live-views';
import type { LiveContext, LivePayload, LiveViewSpec } from '../live/live-views';
import { Loan } from './libraries.types';

interface PatronLoansArgs {
  patronId: string;
}

/**
 * A patron's loans: a loan changes on libraries.loan.v1 (borrowed, renewed, returned,
 * overdue, lost, and its fine assessed, paid or waived). The row is read as the
 * subscriber: staff see any patron's, a patron only their own (the service's 404 for
 * anyone else's loan means it is never sent).
 */
const PATRON_LOANS: LiveViewSpec<views.libraries.LoanView, PatronLoansArgs> = {
  module: 'libraries',
  topics: ['libraries.loan.v1'],
  path: (event) => `/loans/${segment(event.subject)}`,
  where: (loan, { patronId }) => loan.patronId === patronId,
};

/** Libraries' live screens: read-model rows as they change, read as the subscriber. */
@Resolver(() => Loan)
export class LibrariesLiveResolver {
  constructor(private readonly live: LiveViews) {}

  @Subscription(() => Loan, {
    description:
      'A patron’s loans, live: each loan of the patron, as it is now, whenever it is borrowed, renewed, ' +
      'returned, overdue or lost, or its fine changes (staff for any patron; a patron for themself).',
    filter(this: LibrariesLiveResolver, payload: LivePayload, args: PatronLoansArgs, context: LiveContext) {
      return this.live.visible(PATRON_LOANS, payload, args, context);
    },
    resolve(this: LibrariesLiveResolver, payload: LivePayload, _args: unknown, context: LiveContext) {
      return this.live.rowOf(payload, context);
    },
  })
  patronLoanChanged(
    @Context() context: LiveContext,
    @Args('patronId', { type: () => ID, description: 'UUID of the patron (the caller’s own, unless staff)' })
    _patronId: string,
  ) {
    return this.live.subscribe(context);
  }
}
