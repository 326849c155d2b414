import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { notifications } from '@hexfleet/schemas';

/** Creations, many at once: one `insert ... select from unnest(...)` with an array per column. */
async function insertCreated(
  created: ReadonlyArray<ConsumedEvent<notifications.DeliveryCreated>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  await tx.query(
    `insert into ${schema}.deliveries (delivery_id, name, created_at)
     select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (delivery_id) do nothing`,
    [created.map((e) => e.data.deliveryId), created.map((e) => e.data.name), created.map((e) => e.data.createdAt)],
  );
}

/**
 * The deliveries of each tenant with their current name, listed by name. Instants
 * stay ISO text: they compare correctly as strings and no driver shifts them.
 */
export const deliveryList = readModel<notifications.NotificationsDeliveryV1Event>({
  name: 'notifications-delivery-list',
  topics: ['notifications.delivery.v1'],
  tables: ['deliveries'],
  migrations: [
    (schema) => `create table ${schema}.deliveries (
      delivery_id text primary key,
      name text not null,
      created_at text not null,
      renamed_at text)`,
    (schema) => `create index on ${schema}.deliveries (name, delivery_id)`,
  ],
  on: {
    DeliveryCreated: (event, context) => insertCreated([event], context),
    async DeliveryRenamed({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.deliveries set name = $2, renamed_at = $3 where delivery_id = $1`, [
        data.deliveryId,
        data.name,
        data.renamedAt,
      ]);
    },
  },
  // An import, or a rebuild, is many creations in a row.
  batch: { DeliveryCreated: insertCreated },
});
