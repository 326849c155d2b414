import type { Projection } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

/**
 * The employee directory: one row per employee, current placement and status,
 * filtered and paged by the directory query. Dates stay ISO text: they compare
 * correctly as strings and no driver shifts them into a local time zone.
 */
export const employeeDirectoryProjection: Projection = {
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
  async apply(event, { tx, schema }) {
    const type = event.type.split('.').pop();
    if (type === 'EmployeeHired') {
      const e = event.data as unknown as hrms.EmployeeHiredData;
      await tx.query(
        `insert into ${schema}.employees (employee_id, first_name, last_name, work_email, department, designation,
           employment_type, manager_id, user_id, holiday_list_id, joining_date, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'active') on conflict (employee_id) do nothing`,
        [
          e.employeeId,
          e.firstName,
          e.lastName,
          e.workEmail,
          e.department,
          e.designation,
          e.employmentType,
          e.managerId,
          e.userId,
          e.holidayListId,
          e.joiningDate,
        ],
      );
    } else if (type === 'EmployeePromoted') {
      const e = event.data as unknown as hrms.EmployeePromotedData;
      await tx.query(`update ${schema}.employees set designation = $2 where employee_id = $1`, [
        e.employeeId,
        e.toDesignation,
      ]);
    } else if (type === 'EmployeeTransferred') {
      const e = event.data as unknown as hrms.EmployeeTransferredData;
      await tx.query(
        `update ${schema}.employees set department = $2, manager_id = $3, holiday_list_id = $4 where employee_id = $1`,
        [e.employeeId, e.toDepartment, e.toManagerId, e.holidayListId],
      );
    } else if (type === 'EmployeeSeparated') {
      const e = event.data as unknown as hrms.EmployeeSeparatedData;
      await tx.query(
        `update ${schema}.employees set status = 'separated', relieving_date = $2 where employee_id = $1`,
        [e.employeeId, e.relievingDate],
      );
    }
  },
};
