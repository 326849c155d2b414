import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  DirectoryEntry,
  DirectoryFilter,
  DirectoryPage,
  EmployeeDirectory,
} from '../../../application/employee-directory.port';
import { HIRED_COLUMNS } from './employee-directory.projection';

/** Every column of the directory, as the entry field it holds. */
const ENTRY_COLUMNS = [
  ...HIRED_COLUMNS,
  ['relieving_date', 'relievingDate'],
  ['status', 'status'],
] as const satisfies ReadonlyArray<readonly [string, keyof DirectoryEntry]>;
const asField = ([column, field]: readonly [string, string]) => (column === field ? column : `${column} as "${field}"`);
const SELECT = ENTRY_COLUMNS.map(asField).join(', ');

/** Every filter is a parameter; a missing one is null and matches everything. */
const WHERE = `($1::text is null or department = $1) and ($2::text is null or designation = $2)
  and ($3::text is null or manager_id = $3) and ($4::text is null or status = $4)
  and ($5::text is null or first_name ilike $5 or last_name ilike $5 or work_email ilike $5)
  and ($6::text[] is null or employee_id = any($6))`;

/** The employee directory in the tenant's schema (`employees`, written by the employeeDirectory read model). */
@Injectable()
export class PostgresEmployeeDirectory implements EmployeeDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async list(tenant: TenantId, filter: DirectoryFilter): Promise<DirectoryPage> {
    const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [filter.department, filter.designation, filter.managerId, filter.status, search, filter.ids].map(
      (value) => value ?? null,
    );
    const rows = await this.runtime.queryTenant<DirectoryEntry & { total: string }>(
      tenant,
      (schema) => `select ${SELECT}, count(*) over () as total from ${schema}.employees where ${WHERE}
        order by last_name, first_name, employee_id limit $7 offset $8`,
      [...params, filter.limit, filter.offset],
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(tenant, params);
    return { items: rows.map(({ total: _total, ...entry }) => entry), total };
  }

  async get(tenant: TenantId, employeeId: string): Promise<DirectoryEntry | undefined> {
    const [row] = await this.runtime.queryTenant<DirectoryEntry>(
      tenant,
      (schema) => `select ${SELECT} from ${schema}.employees where employee_id = $1`,
      [employeeId],
    );
    return row;
  }

  async byUser(tenant: TenantId, userId: string): Promise<DirectoryEntry | undefined> {
    const [row] = await this.runtime.queryTenant<DirectoryEntry>(
      tenant,
      (schema) => `select ${SELECT} from ${schema}.employees where user_id = $1 limit 1`,
      [userId],
    );
    return row;
  }

  /** A page past the end has no rows to carry the total. */
  private async count(tenant: TenantId, params: unknown[]): Promise<number> {
    const [row] = await this.runtime.queryTenant<{ n: string }>(
      tenant,
      (schema) => `select count(*) as n from ${schema}.employees where ${WHERE}`,
      params,
    );
    return Number(row?.n ?? 0);
  }
}
