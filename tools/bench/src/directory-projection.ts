import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext, ReadModel } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

/** Column, and the EmployeeHired field it holds. */
const COLUMNS: ReadonlyArray<readonly [string, keyof hrms.EmployeeHiredData]> = [
  ['employee_id', 'employeeId'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['work_email', 'workEmail'],
  ['department', 'department'],
  ['designation', 'designation'],
  ['employment_type', 'employmentType'],
  ['manager_id', 'managerId'],
  ['user_id', 'userId'],
  ['holiday_list_id', 'holidayListId'],
  ['joining_date', 'joiningDate'],
];

/**
 * How the directory applies a run of hires: `batch`, one `insert ... select from
 * unnest(...)` per run (what HRMS's read model does), or `per-event`, one insert
 * per hire (what it did before typed read models had batch handlers).
 */
export type ApplyMode = 'batch' | 'per-event';

/**
 * A read model with the shape and writes of HRMS's employee directory (the same
 * columns, indexes and hire statement), under a name and topic of the run's own.
 * The harness never imports a service's code, so it is restated here.
 * `table` is a constant of the harness, never input.
 */
export function directoryProjection(
  name: string,
  topic: string,
  table = 'employees',
  mode: ApplyMode = 'batch',
): ReadModel<hrms.EmployeeHired> {
  const insert = async (hires: ReadonlyArray<ConsumedEvent<hrms.EmployeeHired>>, { tx, schema }: ProjectionContext) => {
    await tx.query(
      `insert into ${schema}.${table} (${COLUMNS.map(([column]) => column).join(', ')}, status)
       select *, 'active' from unnest(${COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')})
       on conflict (employee_id) do nothing`,
      COLUMNS.map(([, field]) => hires.map((hire) => hire.data[field])),
    );
  };
  return readModel<hrms.EmployeeHired>({
    name,
    topics: [topic],
    tables: [table],
    migrations: [
      (schema) => `create table ${schema}.${table} (
        employee_id text primary key, first_name text not null, last_name text not null, work_email text not null,
        department text not null, designation text not null, employment_type text not null, manager_id text,
        user_id text, holiday_list_id text, joining_date text not null, relieving_date text, status text not null)`,
      (schema) => `create index on ${schema}.${table} (department, last_name)`,
      (schema) => `create index on ${schema}.${table} (manager_id)`,
      (schema) => `create index on ${schema}.${table} (user_id)`,
    ],
    on: { EmployeeHired: (hire, context) => insert([hire], context) },
    batch: mode === 'batch' ? { EmployeeHired: insert } : {},
  });
}
