import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { payroll } from '@hexfleet/schemas';

/** The events that change who payroll pays; unpaid leave and absences live in the streams only. */
type PayrollEmployeeFacts = Extract<
  payroll.PayrollEmployeeV1Event,
  { type: 'EmployeeEnrolled' | 'SalaryStructureAssigned' | 'EmployeeSeparationRecorded' }
>;

/** The columns an enrolment fills, and the EmployeeEnrolled field each holds: one list for one or many. */
const ENROLLED_COLUMNS = [
  ['employee_id', 'employeeId'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['department', 'department'],
  ['designation', 'designation'],
  ['joining_date', 'joiningDate'],
  ['enrolled_at', 'enrolledAt'],
] as const satisfies ReadonlyArray<readonly [string, keyof payroll.EmployeeEnrolledData]>;

/** Enrolments, many at once: one `insert ... select from unnest(...)` with an array per column. */
async function insertEnrolments(
  enrolments: ReadonlyArray<ConsumedEvent<payroll.EmployeeEnrolled>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  const columns = ENROLLED_COLUMNS.map(([column]) => column).join(', ');
  const arrays = ENROLLED_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ');
  await tx.query(
    `insert into ${schema}.payroll_employees (${columns})
     select * from unnest(${arrays}) on conflict (employee_id) do nothing`,
    ENROLLED_COLUMNS.map(([, field]) => enrolments.map((enrolment) => enrolment.data[field])),
  );
}

/**
 * Who payroll pays: one row per enrolled employee with their latest salary
 * assignment; a pay run takes its payees from here. Dates stay ISO text.
 */
export const payrollEmployees = readModel<PayrollEmployeeFacts>({
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
  on: {
    EmployeeEnrolled: (event, context) => insertEnrolments([event], context),
    async SalaryStructureAssigned({ data }, { tx, schema }) {
      // The latest-starting assignment is the one a current run uses.
      await tx.query(
        `update ${schema}.payroll_employees set structure_id = $2, base_minor = $3, currency = $4, assigned_from = $5
         where employee_id = $1 and (assigned_from is null or assigned_from <= $5)`,
        [data.employeeId, data.structureId, data.baseMinor, data.currency, data.fromDate],
      );
    },
    async EmployeeSeparationRecorded({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.payroll_employees set relieving_date = $2 where employee_id = $1`, [
        data.employeeId,
        data.relievingDate,
      ]);
    },
  },
  // A company's first import, or a rebuild, is every hire in a row.
  batch: { EmployeeEnrolled: insertEnrolments },
});
