import { Injectable } from '@nestjs/common';
import { Money } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands } from '@hexfleet/platform';
import { loanDecider } from '../domain';
import { LibraryContext } from './library-context';

/** Paying or waiving the fine of one loan; the loan stream keeps what is still owed. */
@Injectable()
export class FinesHandler {
  constructor(
    private readonly commands: Commands,
    private readonly context: LibraryContext,
  ) {}

  async pay(caller: Principal, loanId: string, amountMinor: number, currency: string) {
    const paymentId = this.context.newId(caller, 'payment');
    await this.commands.handle(loanDecider, {
      caller,
      aggregate: 'loan',
      id: loanId,
      command: {
        type: 'PayFine',
        data: { paymentId, amount: Money.of(amountMinor, currency) },
        metadata: { now: this.context.now() },
      },
    });
    return { paymentId };
  }

  async waive(caller: Principal, loanId: string, reason: string) {
    await this.commands.handle(loanDecider, {
      caller,
      aggregate: 'loan',
      id: loanId,
      command: { type: 'WaiveFine', data: { reason, waivedBy: caller.userId }, metadata: { now: this.context.now() } },
    });
  }
}
