import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { attendance } from '@hexfleet/schemas';

/** Creations, many at once: one `insert ... select from unnest(...)` with an array per column. */
async function insertCreated(
  created: ReadonlyArray<ConsumedEvent<attendance.RegisterCreated>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  await tx.query(
    `insert into ${schema}.registers (register_id, name, created_at)
     select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (register_id) do nothing`,
    [created.map((e) => e.data.registerId), created.map((e) => e.data.name), created.map((e) => e.data.createdAt)],
  );
}

/**
 * The registers of each tenant with their current name, listed by name. Instants
 * stay ISO text: they compare correctly as strings and no driver shifts them.
 */
export const registerList = readModel<attendance.AttendanceRegisterV1Event>({
  name: 'attendance-register-list',
  topics: ['attendance.register.v1'],
  tables: ['registers'],
  migrations: [
    (schema) => `create table ${schema}.registers (
      register_id text primary key,
      name text not null,
      created_at text not null,
      renamed_at text)`,
    (schema) => `create index on ${schema}.registers (name, register_id)`,
  ],
  on: {
    RegisterCreated: (event, context) => insertCreated([event], context),
    async RegisterRenamed({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.registers set name = $2, renamed_at = $3 where register_id = $1`, [
        data.registerId,
        data.name,
        data.renamedAt,
      ]);
    },
  },
  // An import, or a rebuild, is many creations in a row.
  batch: { RegisterCreated: insertCreated },
});
