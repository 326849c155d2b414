import type { ProjectionContext } from '@hexfleet/eventing';

type Tx = ProjectionContext['tx'];

/** Holds in the circulation read model: enough to count a patron's open holds and show the queue. */
export async function applyHoldEvent(type: string, d: Record<string, unknown>, tx: Tx, schema: string) {
  const status = (value: string) =>
    tx.query(`update ${schema}.holds set status = $2 where hold_id = $1`, [d.holdId, value]);
  switch (type) {
    case 'HoldPlaced':
      await tx.query(
        `insert into ${schema}.holds (hold_id, title_id, school_id, patron_id, status, placed_at)
         values ($1, $2, $3, $4, 'waiting', $5) on conflict (hold_id) do nothing`,
        [d.holdId, d.titleId, d.schoolId, d.patronId, d.placedAt],
      );
      return;
    case 'HoldReadyForPickup':
      await tx.query(`update ${schema}.holds set status = 'ready', copy_id = $2, pickup_by = $3 where hold_id = $1`, [
        d.holdId,
        d.copyId,
        d.pickupBy,
      ]);
      return;
    case 'HoldExpired':
      return void (await status('expired'));
    case 'HoldCancelled':
      return void (await status('cancelled'));
    case 'HoldFulfilled':
      return void (await status('fulfilled'));
  }
}

const STANDING: Record<string, string> = {
  PatronBlocked: 'blocked',
  PatronUnblocked: 'active',
  PatronWithdrawn: 'withdrawn',
};

export async function applyPatronEvent(type: string, d: Record<string, unknown>, tx: Tx, schema: string) {
  if (type === 'PatronRegistered') {
    await tx.query(
      `insert into ${schema}.patrons (patron_id, school_id, user_id, name, category, standing)
       values ($1, $2, $3, $4, $5, 'active') on conflict (patron_id) do nothing`,
      [d.patronId, d.schoolId, d.userId, d.name, d.category],
    );
  } else if (type === 'PatronCategoryChanged') {
    await tx.query(`update ${schema}.patrons set category = $2 where patron_id = $1`, [d.patronId, d.category]);
  } else if (STANDING[type]) {
    await tx.query(`update ${schema}.patrons set standing = $2 where patron_id = $1`, [d.patronId, STANDING[type]]);
  }
}
