import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { copyDecider, loanDecider, nextWaitingHold, titleDecider, waitingHolds } from '../domain';
import { found } from './found';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import type { LibrariesSettings } from './libraries-settings';

/** Return and renewal: each loads the title's holds queue, which decides what happens next. */
@Injectable()
export class ReturnRenewCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {}

  /**
   * The loan ends (with its fine, if late), the copy is checked in and, when the
   * title has a waiting hold, goes straight to the hold shelf for that patron:
   * all in one transaction, so a copy is never free for a walk-in while owed.
   */
  async returnBook(caller: Principal, loanId: string): Promise<views.libraries.LoanChargeView> {
    const metadata = { now: this.time.now() };
    const today = this.time.today(this.settings.timeZone);
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const loan = await tx.load(loanDecider, 'loan', loanId);
        const l = found(loan.state, 'loan');
        const returned = loanDecider.decide({ type: 'ReturnBook', data: { today }, metadata }, loan.state);
        const copy = await tx.load(copyDecider, 'copy', l.copyId);
        const title = await tx.load(titleDecider, 'title', l.titleId);
        const next = nextWaitingHold(title.state);
        const nextHold = next ? { holdId: next.holdId, patronId: next.patronId } : null;
        tx.append(copy, copyDecider.decide({ type: 'CheckInCopy', data: { loanId, nextHold }, metadata }, copy.state));
        if (next) {
          const data = { copyId: l.copyId, barcode: l.barcode, today, pickupDays: this.settings.pickupDays };
          tx.append(title, titleDecider.decide({ type: 'ReadyHoldForPickup', data, metadata }, title.state));
        }
        tx.append(loan, returned); // last: the consistency token names the loan
        const fine = returned.find((e) => e.type === 'FineAssessed');
        return fine?.type === 'FineAssessed'
          ? { fineMinor: fine.data.amountMinor, currency: fine.data.currency }
          : { fineMinor: 0, currency: null };
      },
      { retries: 3 },
    );
    return outcome.result;
  }

  /** Refused while anyone else waits for the title: a renewal must not keep a copy from the queue. */
  async renew(caller: Principal, loanId: string): Promise<views.libraries.RenewalView> {
    const metadata = { now: this.time.now() };
    const today = this.time.today(this.settings.timeZone);
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const loan = await tx.load(loanDecider, 'loan', loanId);
        const l = found(loan.state, 'loan');
        const title = await tx.load(titleDecider, 'title', l.titleId);
        const waitingHoldPatronIds = waitingHolds(title.state).map((h) => h.patronId);
        const renewed = loanDecider.decide(
          { type: 'RenewLoan', data: { today, waitingHoldPatronIds }, metadata },
          loan.state,
        );
        tx.append(loan, renewed);
        const event = renewed[0];
        return event.type === 'BookRenewed'
          ? { dueDate: event.data.dueDate, renewalsLeft: event.data.renewalsLeft }
          : { dueDate: '', renewalsLeft: 0 };
      },
      { retries: 3 },
    );
    return outcome.result;
  }
}
