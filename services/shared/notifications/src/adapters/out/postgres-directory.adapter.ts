import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Recipient } from '../../domain/notices';
import type { Directory, Resolution, TenantKey } from '../../application/ports';
import { queryOrNone } from './query-or-none';

interface PersonRow {
  name: string;
  user_id: string | null;
  address: string | null;
  language: string | null;
  email: boolean | null;
  active: boolean | null;
}

/** The `notifications-directory` read model (directory.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresDirectory implements Directory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async resolve(tenant: TenantKey, recipient: Recipient): Promise<Resolution> {
    switch (recipient.role) {
      case 'employee':
        return this.employee(tenant, recipient.id);
      case 'manager-of': {
        const [row] = await this.rows<{ manager_id: string | null }>(
          `select manager_id from ${tenant}.directory_employees where employee_id = $1`,
          [recipient.id],
        );
        if (!row) return { found: false, permanent: false, reason: 'employee-unknown' };
        if (!row.manager_id) return { found: false, permanent: true, reason: 'no-approver' };
        return this.employee(tenant, row.manager_id);
      }
      case 'patron': {
        const [row] = await this.rows<PersonRow>(
          `select p.name, p.user_id, u.email as address, pr.language, pr.email, u.active
             from ${tenant}.directory_patrons p
             left join ${tenant}.directory_users u on u.user_id = p.user_id
             left join ${tenant}.directory_preferences pr on pr.user_id = p.user_id
            where p.patron_id = $1`,
          [recipient.id],
        );
        if (!row) return { found: false, permanent: false, reason: 'patron-unknown' };
        // A student patron is keyed by their student id whether or not they have an account (ADR 0043):
        // with no account identity told us of, there is nobody to write to (ADR 0079).
        if (row.user_id && row.address === null) return { found: true, recipient: { ...person(row), userId: null } };
        return { found: true, recipient: person(row) };
      }
    }
  }

  async employeeName(tenant: TenantKey, employeeId: string): Promise<string> {
    const [row] = await this.rows<{ name: string }>(
      `select name from ${tenant}.directory_employees where employee_id = $1`,
      [employeeId],
    );
    return row?.name ?? '';
  }

  /** An employee: their account's email when they have one, else their work email. */
  private async employee(tenant: TenantKey, employeeId: string): Promise<Resolution> {
    const [row] = await this.rows<PersonRow>(
      `select e.name, u.user_id, coalesce(u.email, e.work_email) as address, pr.language, pr.email, u.active
         from ${tenant}.directory_employees e
         left join lateral (
           select user_id, email, active from ${tenant}.directory_users
            where user_id = e.user_id or employee_id = e.employee_id order by (user_id = e.user_id) desc limit 1
         ) u on true
         left join ${tenant}.directory_preferences pr on pr.user_id = u.user_id
        where e.employee_id = $1`,
      [employeeId],
    );
    if (!row) return { found: false, permanent: false, reason: 'employee-unknown' };
    return { found: true, recipient: person(row) };
  }

  private rows<Row extends object>(sql: string, params: unknown[]): Promise<Row[]> {
    return queryOrNone<Row>(this.runtime.pool, sql, params);
  }
}

const person = (row: PersonRow) => ({
  userId: row.user_id,
  address: row.address,
  name: row.name,
  language: row.language,
  emailEnabled: row.email ?? true,
  active: row.active ?? true,
});
