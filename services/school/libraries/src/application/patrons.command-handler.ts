import { Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { patronDecider } from '../domain';
import type { PatronCommand } from '../domain';
import { registerPatron } from './school-patrons.command-handler';

export interface NewPatron {
  schoolId: string;
  userId: string | null;
  name: string;
  category: string;
}

type Change =
  | { type: 'BlockPatron'; reason: string }
  | { type: 'UnblockPatron' }
  | { type: 'WithdrawPatron'; reason: string }
  | { type: 'ChangePatronCategory'; category: string };

@Injectable()
export class PatronsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  /** A patron with an account is noted on the user's index too, so identity's deactivation finds it (ADR 0044). */
  async register(caller: Principal, input: NewPatron): Promise<{ patronId: string }> {
    const patronId = this.time.newId(caller, 'patron');
    const metadata = { now: this.time.now() };
    await this.commands.transact(caller, async (tx) => {
      const patron = await tx.load(patronDecider, 'patron', patronId);
      await registerPatron(tx, patron, { patronId, ...input }, metadata);
    });
    return { patronId };
  }

  async change(caller: Principal, patronId: string, change: Change): Promise<void> {
    const metadata = { now: this.time.now() };
    const command: PatronCommand =
      change.type === 'UnblockPatron'
        ? { type: 'UnblockPatron', data: {}, metadata }
        : change.type === 'ChangePatronCategory'
          ? { type: change.type, data: { category: change.category }, metadata }
          : { type: change.type, data: { reason: change.reason }, metadata };
    await this.commands.handle(patronDecider, { caller, aggregate: 'patron', id: patronId, command });
  }
}
