import { Injectable } from '@nestjs/common';
import { Money } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { loanDecider } from '../domain';

/** Paying or waiving the fine of one loan; the loan stream keeps what is still owed. */
@Injectable()
export class FinesCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async pay(caller: Principal, loanId: string, amountMinor: number, currency: string) {
    const paymentId = this.time.newId(caller, 'payment');
    await this.commands.handle(loanDecider, {
      caller,
      aggregate: 'loan',
      id: loanId,
      command: {
        type: 'PayFine',
        data: { paymentId, amount: Money.of(amountMinor, currency) },
        metadata: { now: this.time.now() },
      },
    });
    return { paymentId };
  }

  async waive(caller: Principal, loanId: string, reason: string) {
    await this.commands.handle(loanDecider, {
      caller,
      aggregate: 'loan',
      id: loanId,
      command: { type: 'WaiveFine', data: { reason, waivedBy: caller.userId }, metadata: { now: this.time.now() } },
    });
  }
}
