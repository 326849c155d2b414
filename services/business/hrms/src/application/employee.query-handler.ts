import { Injectable } from '@nestjs/common';
import { Consistency, Principal, ServiceRuntime } from '@hexfleet/platform';
import { projectionName } from './command-context';

/** The projection the directory reads: a command's consistency token is awaited against it. */
export const EMPLOYEE_DIRECTORY = 'hrms-employee-directory';

export interface DirectoryFilter {
  department?: string;
  designation?: string;
  managerId?: string;
  status?: 'active' | 'separated';
  /** Matches first name, last name or work email, case-insensitively. */
  search?: string;
  /** Exactly these employees (a batch lookup, e.g. the gateway's DataLoader). */
  ids?: string[];
  limit: number;
  offset: number;
}

export interface DirectoryEntry {
  employeeId: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  department: string;
  designation: string;
  employmentType: string;
  managerId: string | null;
  userId: string | null;
  holidayListId: string | null;
  joiningDate: string;
  relievingDate: string | null;
  status: 'active' | 'separated';
}

const COLUMNS = `employee_id as "employeeId", first_name as "firstName", last_name as "lastName",
  work_email as "workEmail", department, designation, employment_type as "employmentType",
  manager_id as "managerId", user_id as "userId", holiday_list_id as "holidayListId",
  joining_date as "joiningDate", relieving_date as "relievingDate", status`;

/** Reads of the employee directory, always in the caller's tenant schema. */
@Injectable()
export class EmployeeQueryHandler {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, filter: DirectoryFilter) {
    await this.consistency.await(projectionName(this.runtime, EMPLOYEE_DIRECTORY), caller);
    // Every filter is a parameter; a missing one is null and matches everything.
    const where = `($1::text is null or department = $1) and ($2::text is null or designation = $2)
      and ($3::text is null or manager_id = $3) and ($4::text is null or status = $4)
      and ($5::text is null or first_name ilike $5 or last_name ilike $5 or work_email ilike $5)
      and ($6::text[] is null or employee_id = any($6))`;
    const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [filter.department, filter.designation, filter.managerId, filter.status, search, filter.ids].map(
      (value) => value ?? null,
    );
    const rows = await this.runtime.queryTenant<DirectoryEntry & { total: string }>(
      caller.tenant,
      (schema) => `select ${COLUMNS}, count(*) over () as total from ${schema}.employees where ${where}
        order by last_name, first_name, employee_id limit $7 offset $8`,
      [...params, filter.limit, filter.offset],
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(caller, where, params);
    return {
      items: rows.map(({ total: _total, ...entry }) => entry),
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }

  async get(caller: Principal, employeeId: string): Promise<DirectoryEntry | undefined> {
    await this.consistency.await(projectionName(this.runtime, EMPLOYEE_DIRECTORY), caller);
    const [row] = await this.runtime.queryTenant<DirectoryEntry>(
      caller.tenant,
      (schema) => `select ${COLUMNS} from ${schema}.employees where employee_id = $1`,
      [employeeId],
    );
    return row;
  }

  /** The caller's own employee record, found by the identity user id the hire named. */
  async byUser(caller: Principal): Promise<DirectoryEntry | undefined> {
    const [row] = await this.runtime.queryTenant<DirectoryEntry>(
      caller.tenant,
      (schema) => `select ${COLUMNS} from ${schema}.employees where user_id = $1 limit 1`,
      [caller.userId],
    );
    return row;
  }

  /** The caller's employee id (by the identity user the hire named), or their user id when they have none. */
  async actorId(caller: Principal): Promise<string> {
    return (await this.byUser(caller))?.employeeId ?? caller.userId;
  }

  /** A page past the end has no rows to carry the total. */
  private async count(caller: Principal, where: string, params: unknown[]) {
    const [row] = await this.runtime.queryTenant<{ n: string }>(
      caller.tenant,
      (schema) => `select count(*) as n from ${schema}.employees where ${where}`,
      params,
    );
    return Number(row?.n ?? 0);
  }
}
