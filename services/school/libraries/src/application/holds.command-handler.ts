import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { patronDecider, titleDecider } from '../domain';
import { CIRCULATION } from './circulation.port';
import type { Circulation } from './circulation.port';
import { found } from './found';
import { schoolLoanRules } from './loan-defaults.command-handler';
import { leaveHoldQueue } from './hold-shelf';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import type { LibrariesSettings } from './libraries-settings';
import { PatronAccess } from './patron-access';

/**
 * The title's holds queue: joining it, and leaving it (which may hand a shelved
 * copy to the next in line). The desk acts for any patron; a signed-in patron
 * places and cancels their own holds (self-service, as in Koha's OPAC).
 */
@Injectable()
export class HoldsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly access: PatronAccess,
    @Inject(CIRCULATION) private readonly circulation: Circulation,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {}

  async place(caller: Principal, titleId: string, patronId: string): Promise<{ holdId: string }> {
    await this.access.check(caller, patronId);
    const holdId = this.time.newId(caller, 'hold');
    const metadata = { now: this.time.now() };
    const activeHolds = await this.circulation.activeHolds(caller.tenant, patronId);
    await this.commands.transact(
      caller,
      async (tx) => {
        const title = await tx.load(titleDecider, 'title', titleId);
        const t = found(title.state, 'title');
        if (t.holds.some((h) => h.holdId === holdId)) return; // a replayed Idempotency-Key
        const patron = await tx.load(patronDecider, 'patron', patronId);
        const p = found(patron.state, 'patron');
        const rules = await schoolLoanRules(tx, t.schoolId);
        const data = {
          holdId,
          patron: { patronId, category: p.category, standing: p.status, activeHolds },
          rules,
        };
        tx.append(title, titleDecider.decide({ type: 'PlaceHold', data, metadata }, title.state));
      },
      { retries: 5 },
    );
    return { holdId };
  }

  async cancel(caller: Principal, titleId: string, holdId: string, reason: string): Promise<void> {
    const metadata = { now: this.time.now() };
    const shelving = { today: this.time.today(this.settings.timeZone), pickupDays: this.settings.pickupDays, metadata };
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
