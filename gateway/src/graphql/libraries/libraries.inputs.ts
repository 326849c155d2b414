import { Field, ID, InputType, Int } from '@nestjs/graphql';

// The bodies of Libraries' REST operations, field for field; the service validates them
// (its 400 comes back as a GraphQL error naming the field), the descriptions say its rules.

const CURRENCY = 'ISO 4217 code, e.g. INR';
const MINOR = (max: string) => `Integer minor units, 0 to ${max}`;

@InputType({ description: 'Filters of a catalogue search (all optional).' })
export class CatalogueFilter {
  @Field({ nullable: true, description: 'Part of the title (up to 200 characters)' }) q?: string;
  @Field({ nullable: true, description: 'Part of an author’s name (up to 200 characters)' }) author?: string;
  @Field({ nullable: true, description: 'ISBN-10 or -13, hyphens allowed (up to 20 characters)' }) isbn?: string;
  @Field({ nullable: true, description: 'true: a copy is on the shelf now; false: none is' }) available?: boolean;
}

@InputType({ description: 'A title to catalogue (its copies are added one by one).' })
export class CatalogueTitleInput {
  @Field(() => ID, { description: 'UUID of the school' }) schoolId!: string;
  @Field({ description: '1 to 500 characters' }) title!: string;
  @Field(() => [String], { description: 'Up to 20 names, each up to 200 characters' }) authors!: string[];
  @Field(() => String, { nullable: true, description: 'ISBN-10 or -13, hyphens allowed (up to 20 characters)' })
  isbn?: string | null;
  @Field({ description: 'book, dvd, ... (1 to 40 characters): which loan rules apply' }) itemType!: string;
}

@InputType({ description: 'A physical copy of a title.' })
export class AddCopyInput {
  @Field({ description: 'Unique label, 1 to 64 characters' }) barcode!: string;
  @Field({ description: 'Shelf mark, up to 64 characters' }) shelf!: string;
}

@InputType({ description: 'One cell of the loan-rule matrix; null category or item type means "any".' })
export class LoanRuleInput {
  @Field(() => String, { nullable: true, description: '1 to 40 characters; null: any category' })
  patronCategory!: string | null;
  @Field(() => String, { nullable: true, description: '1 to 40 characters; null: any item type' })
  itemType!: string | null;
  @Field(() => Int, { description: '1 to 366' }) loanPeriodDays!: number;
  @Field(() => Int, { description: '0 to 1000' }) maxLoans!: number;
  @Field(() => Int, { description: '0 to 100' }) maxRenewals!: number;
  @Field(() => Int, { description: '0 to 1000' }) maxHolds!: number;
  @Field(() => Int, { description: `Per chargeable late day; ${MINOR('100000000')}` }) fineRatePerDayMinor!: number;
  @Field({ description: CURRENCY }) currency!: string;
  @Field(() => Int, { description: 'Late days not charged, 0 to 366' }) graceDays!: number;
  @Field(() => Int, { nullable: true, description: `Highest fine of a loan; ${MINOR('100000000')}; null: none` })
  fineCapMinor!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: no due day after it; null: none' })
  hardDueDate!: string | null;
}

@InputType({ description: 'A library patron of a school.' })
export class RegisterPatronInput {
  @Field(() => ID, { description: 'UUID of the school' }) schoolId!: string;
  @Field(() => ID, { nullable: true, description: 'The identity user, when the patron can sign in (up to 128)' })
  userId?: string | null;
  @Field({ description: '1 to 200 characters' }) name!: string;
  @Field({ description: 'student, teacher, ... (1 to 40 characters): which loan rules apply' }) category!: string;
}

@InputType({ description: 'A payment towards a loan’s fine.' })
export class PaymentInput {
  @Field(() => Int, { description: 'Integer minor units, 1 to 100000000' }) amountMinor!: number;
  @Field({ description: `${CURRENCY}; the fine’s currency` }) currency!: string;
}

@InputType({ description: 'What replacing a lost copy costs, on top of the fine for the days late so far.' })
export class LostInput {
  @Field(() => Int, { description: MINOR('100000000') }) replacementFeeMinor!: number;
  @Field({ description: `${CURRENCY}; the loan’s fine currency` }) currency!: string;
}
