import { Money } from '@hexfleet/kernel';
import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { loanDecider, LoanCommand } from '../../src/domain';
import { BARCODE, bookBorrowed, COPY, inr, LIBRARIAN, LOAN, PATRON, SCHOOL, TITLE } from './library-fixtures';

// Return, overdue detection, loss and the loan's fine. The loan in `bookBorrowed()`
// is due 2025-03-17 at 500/day after 2 grace days, capped at 10 000 (INR minor units).
const given = deciderSpec(loanDecider);
const instant = (day: string) => `${day}T15:00:00.000Z`;
const command = <C extends LoanCommand>(type: C['type'], data: C['data'], day: string) =>
  ({ type, data, metadata: { now: instant(day) } }) as C;

const returnOn = (today: string) => command('ReturnBook', { today }, today);
const markOverdue = (today: string) => command('MarkLoanOverdue', { today }, today);
const declareLost = (today: string, fee = inr(25_000)) =>
  command('DeclareItemLost', { today, replacementFee: fee }, today);
const pay = (amount: Money, paymentId = 'pay-1') => command('PayFine', { paymentId, amount }, '2025-04-01');
const waive = () => command('WaiveFine', { reason: 'first offence', waivedBy: LIBRARIAN }, '2025-04-02');

const ids = { loanId: LOAN, schoolId: SCHOOL, copyId: COPY, titleId: TITLE, patronId: PATRON };
const returned = (returnedOn: string, daysLate: number) =>
  libraries.bookReturned({
    ...ids,
    barcode: BARCODE,
    dueDate: '2025-03-17',
    returnedOn,
    daysLate,
    returnedAt: instant(returnedOn),
  });
const fineAssessed = (day: string, f: { daysLate: number; chargeableDays: number; overdue: number; fee?: number }) =>
  libraries.fineAssessed({
    loanId: LOAN,
    schoolId: SCHOOL,
    patronId: PATRON,
    reason: f.fee === undefined ? 'overdue' : 'lost',
    daysLate: f.daysLate,
    chargeableDays: f.chargeableDays,
    overdueFineMinor: f.overdue,
    replacementFeeMinor: f.fee ?? 0,
    amountMinor: f.overdue + (f.fee ?? 0),
    currency: 'INR',
    assessedAt: instant(day),
  });
const overdue = (asOf: string, daysOverdue: number, accruedFineMinor: number) =>
  libraries.loanOverdue({
    ...ids,
    dueDate: '2025-03-17',
    asOf,
    daysOverdue,
    accruedFineMinor,
    currency: 'INR',
    detectedAt: instant(asOf),
  });

describe('return', () => {
  it('given an active loan, when returned on time, then BookReturned and no fine', () => {
    given([bookBorrowed()])
      .when(returnOn('2025-03-17'))
      .then([returned('2025-03-17', 0)]);
  });

  it('given a returned loan, then a second return is refused with loan-not-active', () => {
    given([bookBorrowed(), returned('2025-03-10', 0)])
      .when(returnOn('2025-03-11'))
      .thenThrows('loan-not-active');
  });
});

describe('rule: fine = days late past grace x rate, capped (assessed on return)', () => {
  it('given a return 10 days late with 2 grace days, then 8 x the rate is assessed', () => {
    given([bookBorrowed()])
      .when(returnOn('2025-03-27'))
      .then([
        returned('2025-03-27', 10),
        fineAssessed('2025-03-27', { daysLate: 10, chargeableDays: 8, overdue: 4_000 }),
      ]);
  });

  it('given a return 10 days late with a cap below 8 x the rate, then the cap is assessed', () => {
    given([bookBorrowed({ fineCapMinor: 3_000 })])
      .when(returnOn('2025-03-27'))
      .then([
        returned('2025-03-27', 10),
        fineAssessed('2025-03-27', { daysLate: 10, chargeableDays: 8, overdue: 3_000 }),
      ]);
  });

  it('given a return inside the grace days, then it is late but costs nothing', () => {
    given([bookBorrowed()])
      .when(returnOn('2025-03-19'))
      .then([returned('2025-03-19', 2)]);
  });

  it('uses the terms the loan was made under, copied into BookBorrowed', () => {
    given([bookBorrowed({ fineRatePerDayMinor: 100, graceDays: 0, fineCapMinor: null })])
      .when(returnOn('2025-03-20'))
      .then([returned('2025-03-20', 3), fineAssessed('2025-03-20', { daysLate: 3, chargeableDays: 3, overdue: 300 })]);
  });
});

describe('overdue detection: the daily job marks a loan overdue at most once per loan and day', () => {
  it('given a loan past due, then LoanOverdue reports the days overdue and the fine accruing', () => {
    given([bookBorrowed()])
      .when(markOverdue('2025-03-22'))
      .then([overdue('2025-03-22', 5, 1_500)]);
  });

  it('given the loan was already marked overdue that day, then the repeated command returns nothing', () => {
    given([bookBorrowed(), overdue('2025-03-22', 5, 1_500)])
      .when(markOverdue('2025-03-22'))
      .then([]);
  });

  it('given it was marked yesterday, then today is marked again', () => {
    given([bookBorrowed(), overdue('2025-03-22', 5, 1_500)])
      .when(markOverdue('2025-03-23'))
      .then([overdue('2025-03-23', 6, 2_000)]);
  });

  it('given the loan is not past due (renewed meanwhile), then it is refused with loan-not-overdue', () => {
    given([bookBorrowed()]).when(markOverdue('2025-03-17')).thenThrows('loan-not-overdue');
  });

  it('given the loan was returned, then it is refused with loan-not-active', () => {
    given([bookBorrowed(), returned('2025-03-20', 3)])
      .when(markOverdue('2025-03-21'))
      .thenThrows('loan-not-active');
  });
});

describe('lost items', () => {
  it('given an overdue loan, when the item is declared lost, then ItemLost and a fine of the overdue days plus the replacement fee', () => {
    given([bookBorrowed()])
      .when(declareLost('2025-03-27'))
      .then([
        libraries.itemLost({
          ...ids,
          barcode: BARCODE,
          replacementFeeMinor: 25_000,
          currency: 'INR',
          declaredAt: instant('2025-03-27'),
        }),
        fineAssessed('2025-03-27', { daysLate: 10, chargeableDays: 8, overdue: 4_000, fee: 25_000 }),
      ]);
  });

  it('given a replacement fee in another currency, then it is refused with currency-mismatch', () => {
    given([bookBorrowed()])
      .when(declareLost('2025-03-10', Money.of(100, 'USD')))
      .thenThrows('currency-mismatch');
  });
});

describe('fines: pay and waive', () => {
  const lateReturn = [
    bookBorrowed(),
    returned('2025-03-27', 10),
    fineAssessed('2025-03-27', { daysLate: 10, chargeableDays: 8, overdue: 4_000 }),
  ];
  const paid = (amountMinor: number, outstandingMinor: number) =>
    libraries.finePaid({
      loanId: LOAN,
      schoolId: SCHOOL,
      patronId: PATRON,
      paymentId: 'pay-1',
      amountMinor,
      outstandingMinor,
      currency: 'INR',
      paidAt: instant('2025-04-01'),
    });

  it('given an assessed fine, when part is paid, then FinePaid says what is still owed', () => {
    given(lateReturn)
      .when(pay(inr(1_500)))
      .then([paid(1_500, 2_500)]);
  });

  it('given a payment above what is owed, then it is refused with payment-exceeds-fine', () => {
    given([...lateReturn, paid(1_500, 2_500)])
      .when(pay(inr(3_000)))
      .thenThrows('payment-exceeds-fine', { owedMinor: 2_500 });
  });

  it('given a zero payment, then it is refused with invalid-amount', () => {
    given(lateReturn)
      .when(pay(inr(0)))
      .thenThrows('invalid-amount');
  });

  it('given a fine paid in full, then another payment is refused with no-fine-outstanding', () => {
    given([...lateReturn, paid(4_000, 0)])
      .when(pay(inr(1)))
      .thenThrows('no-fine-outstanding');
  });

  it('given an on-time return, then there is no fine to pay', () => {
    given([bookBorrowed(), returned('2025-03-15', 0)])
      .when(pay(inr(100)))
      .thenThrows('no-fine-outstanding');
  });

  it('given an outstanding fine, when waived, then FineWaived forgives everything still owed', () => {
    given([...lateReturn, paid(1_500, 2_500)])
      .when(waive())
      .then([
        libraries.fineWaived({
          loanId: LOAN,
          schoolId: SCHOOL,
          patronId: PATRON,
          amountMinor: 2_500,
          currency: 'INR',
          reason: 'first offence',
          waivedBy: LIBRARIAN,
          waivedAt: instant('2025-04-02'),
        }),
      ]);
  });

  it('given a waived fine, then paying it is refused with no-fine-outstanding', () => {
    given([
      ...lateReturn,
      libraries.fineWaived({
        loanId: LOAN,
        schoolId: SCHOOL,
        patronId: PATRON,
        amountMinor: 4_000,
        currency: 'INR',
        reason: 'x',
        waivedBy: LIBRARIAN,
        waivedAt: instant('2025-04-02'),
      }),
    ])
      .when(pay(inr(100)))
      .thenThrows('no-fine-outstanding');
  });
});
