import { Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands } from '@hexfleet/platform';
import { copyDecider, nextWaitingHold, patronDecider, ruleMatrixDecider, titleDecider } from '../domain';
import { CirculationCounts } from './circulation.reads';
import { found, LibraryContext } from './library-context';

/** The title's holds queue: joining it, and leaving it (which may hand a shelved copy to the next in line). */
@Injectable()
export class HoldsHandler {
  constructor(
    private readonly commands: Commands,
    private readonly context: LibraryContext,
    private readonly counts: CirculationCounts,
  ) {}

  async place(caller: Principal, titleId: string, patronId: string): Promise<{ holdId: string }> {
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

  /** A ready hold's copy leaves the hold shelf: to the next waiting patron, or back to the open shelf. */
  async cancel(caller: Principal, titleId: string, holdId: string, reason: string): Promise<void> {
    const metadata = { now: this.context.now() };
    const today = this.context.today();
    const pickupDays = this.context.settings.pickupDays;
    await this.commands.transact(
      caller,
      async (tx) => {
        const title = await tx.load(titleDecider, 'title', titleId);
        found(title.state, 'title');
        const cancelled = titleDecider.decide({ type: 'CancelHold', data: { holdId, reason }, metadata }, title.state);
        const event = cancelled[0];
        const copyId = event.type === 'HoldCancelled' ? event.data.copyId : null;
        if (!copyId) return tx.append(title, cancelled);
        const after = cancelled.reduce(titleDecider.evolve, title.state);
        const next = nextWaitingHold(after);
        const copy = await tx.load(copyDecider, 'copy', copyId);
        const c = found(copy.state, 'copy');
        const nextHold = next ? { holdId: next.holdId, patronId: next.patronId } : null;
        tx.append(
          copy,
          copyDecider.decide({ type: 'ReleaseCopyFromHoldShelf', data: { holdId, nextHold }, metadata }, copy.state),
        );
        const readied = next
          ? titleDecider.decide(
              { type: 'ReadyHoldForPickup', data: { copyId, barcode: c.barcode, today, pickupDays }, metadata },
              after,
            )
          : [];
        tx.append(title, [...cancelled, ...readied]);
      },
      { retries: 3 },
    );
  }
}
