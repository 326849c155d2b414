import type { Projection } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

/**
 * A read model with the shape and write of HRMS's employee directory (one
 * row per hire, the same columns and indexes), under a name of the run's own.
 * The harness never imports a service's code, so it is restated here.
 * `table` is a constant of the harness, never input.
 */
/** Column, and the EmployeeHired field it holds. */
const COLUMNS: ReadonlyArray<[string, keyof hrms.EmployeeHiredData]> = [
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

export const directoryProjection = (name: string, topic: string, table = 'employees'): Projection => ({
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
  async apply(event, { tx, schema }) {
    const e = event.data as unknown as hrms.EmployeeHiredData;
    await tx.query(
      `insert into ${schema}.${table} (${COLUMNS.map(([column]) => column).join(', ')}, status)
       values (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, 'active') on conflict (employee_id) do nothing`,
      COLUMNS.map(([, field]) => e[field]),
    );
  },
});
