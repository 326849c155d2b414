import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, idOf, WithTitleAndPatron } from './libraries.common';
import { LostInput, PaymentInput } from './libraries.inputs';
import {
  CheckoutResult,
  Loan,
  LoanClosedResult,
  LoanPage,
  OverdueLoans,
  PatronFines,
  RenewalResult,
} from './libraries.types';

const loanPath = (loanId: string, action = '') => `/loans/${segment(loanId)}${action && `/${action}`}`;

/** Loans and fines through the gateway: the desk's checkout, return, renewal, loss and fines, and the reads. */
@Resolver(() => Loan)
export class LoansResolver extends WithTitleAndPatron(Loan) {
  constructor(private readonly rest: Rest) {
    super();
  }

  @Query(() => Loan, { nullable: true, description: 'One loan (staff, or its patron); null when there is none.' })
  @Fronts('libraries', 'GET /loans/{loanId}')
  loan(@Context() context: GqlContext, @Args('loanId', idOf('loan')) loanId: string) {
    return this.rest.find<Loan>(context, 'libraries', loanPath(loanId));
  }

  @Query(() => LoanPage, { description: 'A patron’s loans, newest first (staff, or the patron themself).' })
  @Fronts('libraries', 'GET /patrons/{patronId}/loans')
  patronLoans(
    @Context() context: GqlContext,
    @Args('patronId', idOf('patron')) patronId: string,
    @Args() page: PageArgs,
    @Args('status', { nullable: true, description: 'active, returned or lost; all when absent' }) status?: string,
  ) {
    return this.rest.page<Loan>(context, 'libraries', `/patrons/${segment(patronId)}/loans`, page, { status });
  }

  @Query(() => PatronFines, { description: 'What a patron owes, loan by loan (staff, or the patron themself).' })
  @Fronts('libraries', 'GET /patrons/{patronId}/fines')
  async patronFines(@Context() context: GqlContext, @Args('patronId', idOf('patron')) patronId: string) {
    const fines = await this.rest.get<views.libraries.PatronFinesView>(
      context,
      'libraries',
      `/patrons/${segment(patronId)}/fines`,
    );
    const outstandingTotals = Object.entries(fines.outstanding).map(([currency, amountMinor]) => ({
      currency,
      amountMinor,
    }));
    return { ...fines, outstandingTotals };
  }

  @Query(() => OverdueLoans, { description: 'A school’s loans past due today in its calendar (library staff).' })
  @Fronts('libraries', 'GET /schools/{schoolId}/overdue-loans')
  overdueLoans(@Context() context: GqlContext, @Args('schoolId', idOf('school')) schoolId: string) {
    return this.rest.get<OverdueLoans>(context, 'libraries', `/schools/${segment(schoolId)}/overdue-loans`);
  }

  @Mutation(() => CheckoutResult, {
    description: 'Check a copy out to a patron (library staff; 409 copy-not-available when it is out).',
  })
  @Fronts('libraries', 'POST /loans')
  async borrowCopy(
    @Context() context: GqlContext,
    @Args('copyId', idOf('copy')) copyId: string,
    @Args('patronId', idOf('patron')) patronId: string,
  ): Promise<CheckoutResult> {
    const reply = await this.rest.send<views.libraries.CheckoutView>(context, 'libraries', 'POST', '/loans', {
      copyId,
      patronId,
    });
    return { ...reply.body, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => LoanClosedResult, { description: 'Check the copy in (library staff); a late return is fined.' })
  @Fronts('libraries', 'POST /loans/{loanId}/return')
  returnLoan(@Context() context: GqlContext, @Args('loanId', idOf('loan')) loanId: string) {
    return this.closed(context, loanId, 'return');
  }

  @Mutation(() => LoanClosedResult, {
    description: 'The patron lost the copy (library staff): the loan closes with the late fine plus the fee.',
  })
  @Fronts('libraries', 'POST /loans/{loanId}/lost')
  declareLoanLost(
    @Context() context: GqlContext,
    @Args('loanId', idOf('loan')) loanId: string,
    @Args('input') input: LostInput,
  ) {
    return this.closed(context, loanId, 'lost', { ...input });
  }

  @Mutation(() => RenewalResult, {
    description: 'Renew a loan (library staff; 409 title-on-hold when someone waits for the title).',
  })
  @Fronts('libraries', 'POST /loans/{loanId}/renew')
  async renewLoan(
    @Context() context: GqlContext,
    @Args('loanId', idOf('loan')) loanId: string,
  ): Promise<RenewalResult> {
    const reply = await this.rest.send<views.libraries.RenewalView>(
      context,
      'libraries',
      'POST',
      loanPath(loanId, 'renew'),
    );
    return { loanId, ...reply.body, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CommandResult, {
    description: 'Record a payment towards a loan’s fine (library staff); the payment’s id is the result’s id.',
  })
  @Fronts('libraries', 'POST /loans/{loanId}/payments')
  payFine(
    @Context() context: GqlContext,
    @Args('loanId', idOf('loan')) loanId: string,
    @Args('input') input: PaymentInput,
  ) {
    const reply = this.rest.send<{ paymentId: string }>(context, 'libraries', 'POST', loanPath(loanId, 'payments'), {
      ...input,
    });
    return created(reply, 'paymentId');
  }

  @Mutation(() => Accepted, { description: 'Waive what is left of a loan’s fine (library staff).' })
  @Fronts('libraries', 'POST /loans/{loanId}/waiver')
  waiveFine(
    @Context() context: GqlContext,
    @Args('loanId', idOf('loan')) loanId: string,
    @Args('reason', { description: 'Up to 500 characters' }) reason: string,
  ) {
    return this.rest.accept(context, 'libraries', 'POST', loanPath(loanId, 'waiver'), { reason });
  }

  private async closed(context: GqlContext, loanId: string, action: string, body?: object): Promise<LoanClosedResult> {
    const path = loanPath(loanId, action);
    const reply = await this.rest.send<views.libraries.LoanChargeView>(context, 'libraries', 'POST', path, body);
    return { loanId, ...reply.body, consistencyToken: reply.consistencyToken };
  }
}
