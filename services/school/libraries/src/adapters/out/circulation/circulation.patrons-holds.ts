import type { ConsumedEvent, EventHandlers, ProjectionContext } from '@hexfleet/eventing';
import type { libraries } from '@hexfleet/schemas';

/** Every event of a title's holds queue (all of libraries.title.v1 but its cataloguing). */
export type HoldEvent = Exclude<libraries.LibrariesTitleV1Event, { type: 'TitleCatalogued' }>;

const holdStatus =
  (status: 'expired' | 'cancelled' | 'fulfilled') =>
  async ({ data }: ConsumedEvent<{ type: string; data: { holdId: string } }>, { tx, schema }: ProjectionContext) => {
    await tx.query(`update ${schema}.holds set status = $2 where hold_id = $1`, [data.holdId, status]);
  };

/** Holds in the circulation read model: enough to count a patron's open holds and show the queue. */
export const holdHandlers: EventHandlers<HoldEvent> = {
  async HoldPlaced({ data }, { tx, schema }) {
    await tx.query(
      `insert into ${schema}.holds (hold_id, title_id, school_id, patron_id, status, placed_at)
       values ($1, $2, $3, $4, 'waiting', $5) on conflict (hold_id) do nothing`,
      [data.holdId, data.titleId, data.schoolId, data.patronId, data.placedAt],
    );
  },
  async HoldReadyForPickup({ data }, { tx, schema }) {
    await tx.query(`update ${schema}.holds set status = 'ready', copy_id = $2, pickup_by = $3 where hold_id = $1`, [
      data.holdId,
      data.copyId,
      data.pickupBy,
    ]);
  },
  HoldExpired: holdStatus('expired'),
  HoldCancelled: holdStatus('cancelled'),
  HoldFulfilled: holdStatus('fulfilled'),
};

const standing =
  (value: 'active' | 'blocked' | 'withdrawn') =>
  async ({ data }: ConsumedEvent<{ type: string; data: { patronId: string } }>, { tx, schema }: ProjectionContext) => {
    await tx.query(`update ${schema}.patrons set standing = $2 where patron_id = $1`, [data.patronId, value]);
  };

/** Patrons in the circulation read model: who they are, their category and standing. */
export const patronHandlers: EventHandlers<libraries.LibrariesPatronV1Event> = {
  async PatronRegistered({ data }, { tx, schema }) {
    await tx.query(
      `insert into ${schema}.patrons (patron_id, school_id, user_id, name, category, standing)
       values ($1, $2, $3, $4, $5, 'active') on conflict (patron_id) do nothing`,
      [data.patronId, data.schoolId, data.userId, data.name, data.category],
    );
  },
  async PatronCategoryChanged({ data }, { tx, schema }) {
    await tx.query(`update ${schema}.patrons set category = $2 where patron_id = $1`, [data.patronId, data.category]);
  },
  PatronBlocked: standing('blocked'),
  PatronUnblocked: standing('active'),
  PatronWithdrawn: standing('withdrawn'),
};
