import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { copyDecider, loanDecider } from '../domain';
import type { CopyCommand } from '../domain';
import { found } from './found';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import type { LibrariesSettings } from './libraries-settings';

/** What happens to a copy outside circulation: damaged, repaired, withdrawn, lost from the shelf. */
export type CopyChange =
  | { type: 'MarkCopyDamaged'; note: string }
  | { type: 'RepairCopy' }
  | { type: 'WithdrawCopy'; reason: string }
  | { type: 'MarkCopyLost' };

@Injectable()
export class CopiesCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {}

  async change(caller: Principal, copyId: string, change: CopyChange): Promise<void> {
    const metadata = { now: this.time.now() };
    const command: CopyCommand =
      change.type === 'MarkCopyDamaged'
        ? { type: change.type, data: { note: change.note }, metadata }
        : change.type === 'WithdrawCopy'
          ? { type: change.type, data: { reason: change.reason }, metadata }
          : change.type === 'MarkCopyLost'
            ? { type: change.type, data: { loanId: null }, metadata }
            : { type: change.type, data: {}, metadata };
    await this.commands.handle(copyDecider, { caller, aggregate: 'copy', id: copyId, command });
  }

  /**
   * A borrowed copy reported lost: the loan closes with its fine (days late so
   * far plus the replacement fee) and the copy is marked lost, together.
   */
  async declareLost(
    caller: Principal,
    loanId: string,
    replacementFeeMinor: number,
    currency: string,
  ): Promise<views.libraries.LoanChargeView> {
    const metadata = { now: this.time.now() };
    const today = this.time.today(this.settings.timeZone);
    const outcome = await this.commands.transact(caller, async (tx) => {
      const loan = await tx.load(loanDecider, 'loan', loanId);
      const l = found(loan.state, 'loan');
      const replacementFee = Money.of(replacementFeeMinor, currency);
      const lost = loanDecider.decide(
        { type: 'DeclareItemLost', data: { today, replacementFee }, metadata },
        loan.state,
      );
      const copy = await tx.load(copyDecider, 'copy', l.copyId);
      tx.append(copy, copyDecider.decide({ type: 'MarkCopyLost', data: { loanId }, metadata }, copy.state));
      tx.append(loan, lost); // last: the consistency token names the loan
      const fine = lost.find((e) => e.type === 'FineAssessed');
      return fine?.type === 'FineAssessed'
        ? { fineMinor: fine.data.amountMinor, currency: fine.data.currency }
        : { fineMinor: 0, currency };
    });
    return outcome.result;
  }
}
