import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

const DAY = 'YYYY-MM-DD, in the school’s calendar';
const TOKEN = 'Send as X-Consistency-Token so that the next query sees this write.';

/** What a title is, as catalogued (shared by a search's line and a title's page). */
@ObjectType({ isAbstract: true })
abstract class TitleFactsFields implements views.libraries.TitleFacts {
  @Field(() => ID) titleId!: string;
  @Field(() => ID) schoolId!: string;
  @Field() title!: string;
  @Field(() => [String]) authors!: string[];
  @Field(() => String, { nullable: true, description: 'Digits only, as catalogued' }) isbn!: string | null;
  @Field({ description: 'book, dvd, ... (the loan rules’ item type)' }) itemType!: string;
  @Field(() => Int, { description: 'How many times a copy of it was lent' }) timesBorrowed!: number;
}

@ObjectType({ description: 'A title of a school library’s catalogue with its availability.' })
export class CatalogueTitle extends TitleFactsFields implements views.libraries.TitleView {
  @Field(() => Int, { description: 'Copies in the collection (not lost or withdrawn)' }) copies!: number;
  @Field(() => Int, { description: 'Copies on the shelf now' }) available!: number;
}

export const CatalogueTitlePage = Paged(CatalogueTitle);

@ObjectType({ description: 'One physical copy of a title.' })
export class LibraryCopy implements views.libraries.CopyView {
  @Field(() => ID) copyId!: string;
  @Field() barcode!: string;
  @Field() shelf!: string;
  @Field(() => String, { description: 'available, on-loan, on-hold-shelf, lost, damaged or withdrawn' })
  status!: views.libraries.CopyStatus;
}

@ObjectType({ description: 'A title with each of its copies (barcode, shelf, status).' })
export class TitleDetails extends TitleFactsFields implements views.libraries.TitleDetail {
  @Field(() => [LibraryCopy]) copies!: LibraryCopy[];
}

@ObjectType({ description: 'One cell of a school’s loan-rule matrix (null category or item type: any).' })
export class LoanRule implements views.libraries.LoanRuleView {
  @Field(() => String, { nullable: true }) patronCategory!: string | null;
  @Field(() => String, { nullable: true }) itemType!: string | null;
  @Field(() => Int) loanPeriodDays!: number;
  @Field(() => Int) maxLoans!: number;
  @Field(() => Int) maxRenewals!: number;
  @Field(() => Int) maxHolds!: number;
  @Field(() => Int, { description: 'Per chargeable late day, minor units' }) fineRatePerDayMinor!: number;
  @Field({ description: 'ISO 4217' }) currency!: string;
  @Field(() => Int) graceDays!: number;
  @Field(() => Int, { nullable: true, description: 'Highest fine of one loan; null: uncapped' })
  fineCapMinor!: number | null;
  @Field(() => String, { nullable: true, description: `No due day after it (${DAY})` }) hardDueDate!: string | null;
}

@ObjectType({ description: 'A library patron of a school: category (which loan rules apply) and standing.' })
export class Patron implements views.libraries.PatronView {
  @Field(() => ID) patronId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID, { nullable: true, description: 'The identity user, when the patron can sign in' })
  userId!: string | null;
  @Field() name!: string;
  @Field() category!: string;
  @Field(() => String, { description: 'active, blocked or withdrawn' }) standing!: views.libraries.PatronStanding;
}

@ObjectType({ description: 'A loan from checkout to return or loss, with its fine (money in minor units).' })
export class Loan implements views.libraries.LoanView {
  @Field(() => ID) loanId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) patronId!: string;
  @Field(() => ID) copyId!: string;
  @Field(() => ID) titleId!: string;
  @Field({ description: 'The title’s name when it was borrowed' }) title!: string;
  @Field() barcode!: string;
  @Field({ description: 'ISO-8601 instant' }) borrowedAt!: string;
  @Field({ description: DAY }) dueDate!: string;
  @Field(() => Int) renewals!: number;
  @Field(() => String, { description: 'active, returned or lost' }) status!: views.libraries.LoanStatus;
  @Field(() => String, { nullable: true, description: DAY }) returnedOn!: string | null;
  @Field(() => Int, { nullable: true }) daysLate!: number | null;
  @Field(() => String, { nullable: true, description: `The last overdue notice (${DAY})` })
  lastOverdueOn!: string | null;
  @Field(() => Int, { description: 'Fine accrued so far while overdue, before it is assessed' })
  accruedFineMinor!: number;
  @Field(() => Int, { nullable: true, description: 'The fine assessed on return or loss' }) fineMinor!: number | null;
  @Field(() => Int, { nullable: true }) fineOutstandingMinor!: number | null;
  @Field({ description: 'ISO 4217' }) currency!: string;
}

export const LoanPage = Paged(Loan);

@ObjectType({ description: 'An open hold: waiting in its title’s queue, or ready on the hold shelf.' })
export class Hold implements views.libraries.HoldView {
  @Field(() => ID) holdId!: string;
  @Field(() => ID) titleId!: string;
  @Field(() => ID) patronId!: string;
  @Field(() => String, { description: 'waiting or ready' }) status!: 'waiting' | 'ready';
  @Field(() => ID, { nullable: true, description: 'The copy set aside, once ready' }) copyId!: string | null;
  @Field(() => String, { nullable: true, description: `Collect by (${DAY})` }) pickupBy!: string | null;
  @Field({ description: 'ISO-8601 instant' }) placedAt!: string;
  @Field(() => Int, { nullable: true, description: 'Place in the queue while waiting (1: next)' })
  position!: number | null;
}

@ObjectType({ description: 'An amount of money in minor units.' })
export class Amount {
  @Field({ description: 'ISO 4217' }) currency!: string;
  @Field(() => Int) amountMinor!: number;
}

@ObjectType({ description: 'What a patron owes: each fined loan, and what is outstanding per currency.' })
export class PatronFines implements views.libraries.PatronFinesView {
  @Field(() => ID) patronId!: string;
  /** By currency, as the service answers it; GraphQL shows it as `outstandingTotals`. */
  outstanding!: Record<string, number>;
  @Field(() => [Amount], { description: 'What is outstanding, one total per currency' }) outstandingTotals!: Amount[];
  @Field(() => [Loan]) fines!: Loan[];
}

@ObjectType({ description: 'A school’s loans past due today in its calendar, most overdue first.' })
export class OverdueLoans implements views.libraries.OverdueLoansView {
  @Field(() => ID) schoolId!: string;
  @Field({ description: `Today (${DAY})` }) asOf!: string;
  @Field(() => [Loan]) loans!: Loan[];
}

@ObjectType({ description: 'A checkout: the new loan, its due day, and the consistency token.' })
export class CheckoutResult implements views.libraries.CheckoutView {
  @Field(() => ID) loanId!: string;
  @Field({ description: DAY }) dueDate!: string;
  @Field(() => String, { nullable: true, description: TOKEN }) consistencyToken?: string;
}

@ObjectType({ description: 'A renewal: the new due day, the renewals left, and the consistency token.' })
export class RenewalResult implements views.libraries.RenewalView {
  @Field(() => ID) loanId!: string;
  @Field({ description: DAY }) dueDate!: string;
  @Field(() => Int) renewalsLeft!: number;
  @Field(() => String, { nullable: true, description: TOKEN }) consistencyToken?: string;
}

@ObjectType({ description: 'A loan closed by a return or a loss: what it charged (0 when nothing), and the token.' })
export class LoanClosedResult implements views.libraries.LoanChargeView {
  @Field(() => ID) loanId!: string;
  @Field(() => Int, { description: 'The fine (and, for a loss, the replacement fee), minor units' }) fineMinor!: number;
  @Field(() => String, { nullable: true, description: 'ISO 4217; null when nothing was charged' })
  currency!: string | null;
  @Field(() => String, { nullable: true, description: TOKEN }) consistencyToken?: string;
}
