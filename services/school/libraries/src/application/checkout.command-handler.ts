import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { copyDecider, loanDecider, patronDecider, titleDecider } from '../domain';
import { CIRCULATION } from './circulation.port';
import type { Circulation } from './circulation.port';
import { found } from './found';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import { schoolLoanRules } from './loan-defaults.command-handler';
import type { LibrariesSettings } from './libraries-settings';
import { titleOf } from './title-history';

export type Checkout = views.libraries.CheckoutView;

/**
 * Checkout: the copy's CopyLent and the new loan's BookBorrowed (and, for a
 * copy held for this patron, the title's HoldFulfilled) in one transaction.
 * The copy stream's version decides races: of 50 patrons taking the last
 * copy, one append wins and the rest re-decide to `copy-not-available`.
 */
@Injectable()
export class CheckoutCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(CIRCULATION) private readonly circulation: Circulation,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {}

  async checkout(caller: Principal, copyId: string, patronId: string): Promise<Checkout> {
    const loanId = this.time.newId(caller, 'loan');
    const metadata = { now: this.time.now() };
    const today = this.time.today(this.settings.timeZone);
    const activeLoans = await this.circulation.activeLoans(caller.tenant, patronId);
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const loan = await tx.load(loanDecider, 'loan', loanId);
        // Only a replayed Idempotency-Key finds its loan already there: answer what it got.
        if (loan.state.status === 'active') return { loanId, dueDate: loan.state.dueDate };
        const copy = await tx.load(copyDecider, 'copy', copyId);
        const c = found(copy.state, 'copy');
        const patron = await tx.load(patronDecider, 'patron', patronId);
        const p = found(patron.state, 'patron');
        if (p.schoolId !== c.schoolId) throw new DomainError('patron-of-another-school', { schoolId: p.schoolId });
        const title = await tx.load(titleDecider, 'title', c.titleId);
        const t = found(title.state, 'title');
        const rules = await schoolLoanRules(tx, c.schoolId);
        const holdId = c.status === 'on-hold-shelf' && c.patronId === patronId ? c.holdId : null;

        tx.append(copy, copyDecider.decide({ type: 'LendCopy', data: { loanId, patronId }, metadata }, copy.state));
        if (holdId) {
          const fulfil = { type: 'FulfilHold' as const, data: { holdId, loanId, copyId }, metadata };
          tx.append(title, titleDecider.decide(fulfil, title.state));
        }
        const borrowed = loanDecider.decide(
          {
            type: 'BorrowBook',
            data: {
              loanId,
              schoolId: c.schoolId,
              copy: {
                copyId,
                barcode: c.barcode,
                titleId: c.titleId,
                title: titleOf(title.history),
                itemType: t.itemType,
              },
              patron: { patronId, category: p.category, standing: p.status, activeLoans },
              rules,
              today,
              holdId,
            },
            metadata,
          },
          loan.state,
        );
        // The loan last: the response's consistency token then names the loan, which
        // every reader of libraries.loan.v1 (here and in other services) can wait for.
        tx.append(loan, borrowed);
        const event = borrowed[0];
        return { loanId, dueDate: event.type === 'BookBorrowed' ? event.data.dueDate : '' };
      },
      { retries: 5 },
    );
    return outcome.result;
  }
}
