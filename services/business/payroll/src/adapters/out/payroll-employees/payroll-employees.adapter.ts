import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Page, PayrollEmployees, PayrollEmployeeView } from '../../../application/payroll-employees.port';

const COLUMNS = `employee_id as "employeeId", first_name as "firstName", last_name as "lastName", department,
  designation, joining_date as "joiningDate", relieving_date as "relievingDate", enrolled_at as "enrolledAt",
  structure_id as "structureId", base_minor::int as "baseMinor", currency, assigned_from as "assignedFrom"`;

/** The payroll-employees read model's queries (payroll-employees.projection.ts writes it). */
@Injectable()
export class PostgresPayrollEmployees implements PayrollEmployees {
  constructor(private readonly runtime: ServiceRuntime) {}

  list(tenant: TenantId, { limit, offset }: Page): Promise<PayrollEmployeeView[]> {
    return this.runtime.queryTenant<PayrollEmployeeView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.payroll_employees order by last_name, first_name, employee_id
        limit $1 offset $2`,
      [limit, offset],
    );
  }

  async get(tenant: TenantId, employeeId: string): Promise<PayrollEmployeeView | undefined> {
    const [row] = await this.runtime.queryTenant<PayrollEmployeeView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.payroll_employees where employee_id = $1`,
      [employeeId],
    );
    return row;
  }

  async roster(tenant: TenantId): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ employeeId: string }>(
      tenant,
      (schema) => `select employee_id as "employeeId" from ${schema}.payroll_employees order by employee_id`,
    );
    return rows.map((row) => row.employeeId);
  }
}
