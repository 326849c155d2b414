import { Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands } from '@hexfleet/platform';
import { patronDecider, ruleMatrixDecider, titleDecider } from '../domain';
import { CirculationCounts } from './circulation.reads';
import { leaveHoldQueue } from './hold-shelf';
import { found, LibraryContext } from './library-context';
import { PatronAccess } from './patron-access';

/**
 * The title's holds queue: joining it, and leaving it (which may hand a shelved
 * copy to the next in line). The desk acts for any patron; a signed-in patron
 * places and cancels their own holds (self-service, as in Koha's OPAC).
 */
@Injectable()
export class HoldsHandler {
  constructor(
    private readonly commands: Commands,
    private readonly context: LibraryContext,
    private readonly counts: CirculationCounts,
    private readonly access: PatronAccess,
  ) {}

  async place(caller: Principal, titleId: string, patronId: string): Promise<{ holdId: string }> {
    await this.access.check(caller, patronId);
    const holdId = this.context.newId(caller, 'hold');
    const metadata = { now: this.context.now() };
    const activeHolds = await this.counts.activeHolds(caller, patronId);
    await this.commands.transact(
      caller,
      async (tx) => {
        const title = await tx.load(titleDecider, 'title', titleId);
        const t = found(title.state, 'title');
        if (t.holds.some((h) => h.holdId === holdId)) return; // a replayed Idempotency-Key
        const patron = await tx.load(patronDecider, 'patron', patronId);
        const p = found(patron.state, 'patron');
        const rules = await tx.load(ruleMatrixDecider, 'rules', t.schoolId);
        const data = {
          holdId,
          patron: { patronId, category: p.category, standing: p.status, activeHolds },
          rules: rules.state.status === 'defined' ? rules.state.rules : [],
        };
        tx.append(title, titleDecider.decide({ type: 'PlaceHold', data, metadata }, title.state));
      },
      { retries: 5 },
    );
    return { holdId };
  }

  async cancel(caller: Principal, titleId: string, holdId: string, reason: string): Promise<void> {
    const metadata = { now: this.context.now() };
    const shelving = { today: this.context.today(), pickupDays: this.context.settings.pickupDays, metadata };
    await this.commands.transact(
      caller,
      async (tx) => {
        const title = await tx.load(titleDecider, 'title', titleId);
        const hold = found(title.state, 'title').holds.find((h) => h.holdId === holdId);
        if (hold) await this.access.check(caller, hold.patronId);
        await leaveHoldQueue(tx, titleId, { type: 'CancelHold', data: { holdId, reason }, metadata }, shelving);
      },
      { retries: 3 },
    );
  }
}
