import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { BorrowBook, LoanRule, loanDecider, RenewLoan } from '../../src/domain';
import {
  at,
  BARCODE,
  bookBorrowed,
  COPY,
  LOAN,
  NOW,
  OTHER_PATRON,
  patronFacts,
  PATRON,
  rule,
  SCHOOL,
  TITLE,
  TODAY,
} from './library-fixtures';

const given = deciderSpec(loanDecider);

const borrow = (
  overrides: { patron?: Partial<BorrowBook['data']['patron']>; rules?: LoanRule[]; today?: string } = {},
): BorrowBook => ({
  type: 'BorrowBook',
  data: {
    loanId: LOAN,
    schoolId: SCHOOL,
    copy: { copyId: COPY, barcode: BARCODE, titleId: TITLE, title: 'Matilda', itemType: 'book' },
    patron: { ...patronFacts(), activeLoans: 0, ...overrides.patron },
    rules: overrides.rules ?? [rule()],
    today: overrides.today ?? TODAY,
    holdId: null,
  },
  metadata: at(),
});

const renew = (today: string, waitingHoldPatronIds: string[] = []): RenewLoan => ({
  type: 'RenewLoan',
  data: { today, waitingHoldPatronIds },
  metadata: at(`${today}T10:00:00.000Z`),
});

const renewed = (renewals: number, previousDueDate: string, dueDate: string, renewedOn: string) =>
  libraries.bookRenewed({
    loanId: LOAN,
    schoolId: SCHOOL,
    copyId: COPY,
    titleId: TITLE,
    patronId: PATRON,
    previousDueDate,
    dueDate,
    renewals,
    renewalsLeft: 2 - renewals,
    renewedAt: `${renewedOn}T10:00:00.000Z`,
  });

describe('checkout', () => {
  it('given an eligible patron, when they borrow, then BookBorrowed names the copy, title, patron and due date', () => {
    given([]).when(borrow()).then([bookBorrowed()]);
  });

  it('given a loan already recorded under that id, then a second checkout is refused', () => {
    given([bookBorrowed()]).when(borrow()).thenThrows('loan-already-exists');
  });
});

describe("rule: current loans <= the patron's limit", () => {
  it('given the patron holds one loan fewer than the limit, then the checkout goes through', () => {
    given([])
      .when(borrow({ patron: { activeLoans: 2 } }))
      .then([bookBorrowed()]);
  });

  it('given the patron already holds as many loans as the limit, then it is refused with loan-limit-reached', () => {
    given([])
      .when(borrow({ patron: { activeLoans: 3 } }))
      .thenThrows('loan-limit-reached', { activeLoans: 3, maxLoans: 3 });
  });

  it("given a teacher's rule with a higher limit, then the teacher's limit applies", () => {
    const rules = [rule(), rule({ patronCategory: 'teacher', maxLoans: 10 })];
    given([])
      .when(borrow({ patron: { category: 'teacher', activeLoans: 5 }, rules }))
      .then([bookBorrowed({ patronCategory: 'teacher' })]);
  });
});

describe('rule: blocked or withdrawn patrons cannot borrow', () => {
  it('given a blocked patron, then the checkout is refused with patron-blocked', () => {
    given([])
      .when(borrow({ patron: { standing: 'blocked' } }))
      .thenThrows('patron-blocked', { patronId: PATRON });
  });

  it('given a withdrawn patron, then the checkout is refused with patron-withdrawn', () => {
    given([])
      .when(borrow({ patron: { standing: 'withdrawn' } }))
      .thenThrows('patron-withdrawn');
  });
});

describe('rule: due = checkout + loan period, capped by a hard due date (at checkout)', () => {
  it('given a rule with a hard due date before checkout + period, then the loan is due on the hard due date', () => {
    given([])
      .when(borrow({ rules: [rule({ hardDueDate: '2025-03-10' })] }))
      .then([bookBorrowed({ dueDate: '2025-03-10', hardDueDate: '2025-03-10' })]);
  });

  it('given a hard due date already past, then the checkout is refused with hard-due-date-passed', () => {
    given([])
      .when(borrow({ rules: [rule({ hardDueDate: '2025-03-02' })] }))
      .thenThrows('hard-due-date-passed');
  });
});

describe('rule: the most specific rule wins over the default (at checkout)', () => {
  it('given a category+type cell, then its loan period and fine terms are copied into the loan', () => {
    const rules = [rule(), rule({ patronCategory: 'student', itemType: 'book', loanPeriodDays: 7, maxRenewals: 0 })];
    given([])
      .when(borrow({ rules }))
      .then([bookBorrowed({ dueDate: '2025-03-10', loanPeriodDays: 7, maxRenewals: 0 })]);
  });
});

describe('renewal', () => {
  it('given an active loan, when renewed before it is due, then the new due date counts from the renewal day', () => {
    given([bookBorrowed()])
      .when(renew('2025-03-15'))
      .then([renewed(1, '2025-03-17', '2025-03-29', '2025-03-15')]);
  });

  it('given a renewal on the due day itself, then it is not overdue yet', () => {
    given([bookBorrowed()])
      .when(renew('2025-03-17'))
      .then([renewed(1, '2025-03-17', '2025-03-31', '2025-03-17')]);
  });

  it('given a returned loan, then renewing is refused with loan-not-active', () => {
    given([bookBorrowed(), returned('2025-03-10', 0)])
      .when(renew('2025-03-12'))
      .thenThrows('loan-not-active');
  });

  it('given a hard due date already reached, then renewing is refused with hard-due-date-reached', () => {
    given([bookBorrowed({ dueDate: '2025-03-10', hardDueDate: '2025-03-10' })])
      .when(renew('2025-03-08'))
      .thenThrows('hard-due-date-reached');
  });
});

describe('rule: renewal refused with no renewals left, when another patron holds the title, or when overdue', () => {
  it('given the renewals are used up, then it is refused with no-renewals-left', () => {
    given([
      bookBorrowed(),
      renewed(1, '2025-03-17', '2025-03-29', '2025-03-15'),
      renewed(2, '2025-03-29', '2025-04-10', '2025-03-27'),
    ])
      .when(renew('2025-04-08'))
      .thenThrows('no-renewals-left', { renewals: 2, maxRenewals: 2 });
  });

  it('given another patron waits in the title holds queue, then it is refused with title-on-hold', () => {
    given([bookBorrowed()])
      .when(renew('2025-03-15', [OTHER_PATRON]))
      .thenThrows('title-on-hold');
  });

  it("given only the borrower's own hold on the title, then the renewal goes through", () => {
    given([bookBorrowed()])
      .when(renew('2025-03-15', [PATRON]))
      .then([renewed(1, '2025-03-17', '2025-03-29', '2025-03-15')]);
  });

  it('given the loan is past its due date, then it is refused with loan-overdue', () => {
    given([bookBorrowed()]).when(renew('2025-03-18')).thenThrows('loan-overdue', { dueDate: '2025-03-17' });
  });
});

function returned(returnedOn: string, daysLate: number) {
  return libraries.bookReturned({
    loanId: LOAN,
    schoolId: SCHOOL,
    copyId: COPY,
    barcode: BARCODE,
    titleId: TITLE,
    patronId: PATRON,
    dueDate: '2025-03-17',
    returnedOn,
    daysLate,
    returnedAt: NOW,
  });
}
