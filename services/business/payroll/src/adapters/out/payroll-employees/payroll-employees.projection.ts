import type { Projection } from '@hexfleet/eventing';
import type { payroll } from '@hexfleet/schemas';

/**
 * Who payroll pays: one row per enrolled employee with their latest salary
 * assignment; a pay run takes its payees from here. Dates stay ISO text.
 */
export const payrollEmployeesProjection: Projection = {
  name: 'payroll-employees',
  topics: ['payroll.employee.v1'],
  tables: ['payroll_employees'],
  migrations: [
    (schema) => `create table ${schema}.payroll_employees (
      employee_id text primary key,
      first_name text not null,
      last_name text not null,
      department text not null,
      designation text not null,
      joining_date text not null,
      relieving_date text,
      enrolled_at text not null,
      structure_id text,
      base_minor bigint,
      currency text,
      assigned_from text)`,
  ],
  async apply(event, { tx, schema }) {
    const type = event.type.split('.').pop();
    if (type === 'EmployeeEnrolled') {
      const e = event.data as unknown as payroll.EmployeeEnrolledData;
      await tx.query(
        `insert into ${schema}.payroll_employees
           (employee_id, first_name, last_name, department, designation, joining_date, enrolled_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (employee_id) do nothing`,
        [e.employeeId, e.firstName, e.lastName, e.department, e.designation, e.joiningDate, e.enrolledAt],
      );
    } else if (type === 'SalaryStructureAssigned') {
      const e = event.data as unknown as payroll.SalaryStructureAssignedData;
      // The latest-starting assignment is the one a current run uses.
      await tx.query(
        `update ${schema}.payroll_employees set structure_id = $2, base_minor = $3, currency = $4, assigned_from = $5
         where employee_id = $1 and (assigned_from is null or assigned_from <= $5)`,
        [e.employeeId, e.structureId, e.baseMinor, e.currency, e.fromDate],
      );
    } else if (type === 'EmployeeSeparationRecorded') {
      const e = event.data as unknown as payroll.EmployeeSeparationRecordedData;
      await tx.query(`update ${schema}.payroll_employees set relieving_date = $2 where employee_id = $1`, [
        e.employeeId,
        e.relievingDate,
      ]);
    }
  },
};
