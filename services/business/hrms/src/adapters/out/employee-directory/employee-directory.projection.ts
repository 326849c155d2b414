import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

/**
 * The columns a hire fills, and the EmployeeHired field each holds: one list for
 * the insert of one or many, and (with the two a separation fills) for the reads.
 */
export const HIRED_COLUMNS = [
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
] as const satisfies ReadonlyArray<readonly [string, keyof hrms.EmployeeHiredData]>;

/** Hires, many at once: one `insert ... select from unnest(...)` with an array per column. */
async function insertHires(
  hires: ReadonlyArray<ConsumedEvent<hrms.EmployeeHired>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  const columns = HIRED_COLUMNS.map(([column]) => column).join(', ');
  const arrays = HIRED_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ');
  await tx.query(
    `insert into ${schema}.employees (${columns}, status)
     select *, 'active' from unnest(${arrays}) on conflict (employee_id) do nothing`,
    HIRED_COLUMNS.map(([, field]) => hires.map((hire) => hire.data[field])),
  );
}

/**
 * The employee directory: one row per employee, current placement and status,
 * filtered and paged by the directory query. Dates stay ISO text: they compare
 * correctly as strings and no driver shifts them into a local time zone.
 */
export const employeeDirectory = readModel<hrms.HrmsEmployeeV1Event>({
  name: 'hrms-employee-directory',
  topics: ['hrms.employee.v1'],
  tables: ['employees'],
  migrations: [
    (schema) => `create table ${schema}.employees (
      employee_id text primary key,
      first_name text not null,
      last_name text not null,
      work_email text not null,
      department text not null,
      designation text not null,
      employment_type text not null,
      manager_id text,
      user_id text,
      holiday_list_id text,
      joining_date text not null,
      relieving_date text,
      status text not null)`,
    (schema) => `create index on ${schema}.employees (department, last_name)`,
    (schema) => `create index on ${schema}.employees (manager_id)`,
    (schema) => `create index on ${schema}.employees (user_id)`,
  ],
  on: {
    EmployeeHired: (event, context) => insertHires([event], context),
    async EmployeePromoted({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.employees set designation = $2 where employee_id = $1`, [
        data.employeeId,
        data.toDesignation,
      ]);
    },
    async EmployeeTransferred({ data }, { tx, schema }) {
      await tx.query(
        `update ${schema}.employees set department = $2, manager_id = $3, holiday_list_id = $4 where employee_id = $1`,
        [data.employeeId, data.toDepartment, data.toManagerId, data.holidayListId],
      );
    },
    async EmployeeSeparated({ data }, { tx, schema }) {
      await tx.query(
        `update ${schema}.employees set status = 'separated', relieving_date = $2 where employee_id = $1`,
        [data.employeeId, data.relievingDate],
      );
    },
  },
  // A company's first import, or a rebuild, is thousands of hires in a row.
  batch: { EmployeeHired: insertHires },
});
