import type { StreamTransaction } from '@hexfleet/platform';
import { copyDecider, nextWaitingHold, titleDecider } from '../domain';
import type { CancelHold, ExpireHold } from '../domain';
import { found } from './found';

export interface Shelving {
  today: string;
  pickupDays: number;
  metadata: { now: string };
}

/**
 * A hold leaves the queue (cancelled, or expired after its pickup days). A copy
 * that waited on the hold shelf for it goes to the next waiting patron, or back
 * to the open shelf: title and copy in one transaction, so the copy is never
 * free for a walk-in while someone in the queue is owed it.
 */
export async function leaveHoldQueue(
  tx: StreamTransaction,
  titleId: string,
  command: CancelHold | ExpireHold,
  { today, pickupDays, metadata }: Shelving,
): Promise<void> {
  const title = await tx.load(titleDecider, 'title', titleId);
  found(title.state, 'title');
  const left = titleDecider.decide(command, title.state);
  const event = left[0];
  const copyId = event.type === 'HoldCancelled' || event.type === 'HoldExpired' ? event.data.copyId : null;
  if (!copyId) return tx.append(title, left);
  const after = left.reduce(titleDecider.evolve, title.state);
  const next = nextWaitingHold(after);
  const copy = await tx.load(copyDecider, 'copy', copyId);
  const c = found(copy.state, 'copy');
  const nextHold = next ? { holdId: next.holdId, patronId: next.patronId } : null;
  const release = {
    type: 'ReleaseCopyFromHoldShelf' as const,
    data: { holdId: command.data.holdId, nextHold },
    metadata,
  };
  tx.append(copy, copyDecider.decide(release, copy.state));
  const readied = next
    ? titleDecider.decide(
        { type: 'ReadyHoldForPickup', data: { copyId, barcode: c.barcode, today, pickupDays }, metadata },
        after,
      )
    : [];
  tx.append(title, [...left, ...readied]);
}
