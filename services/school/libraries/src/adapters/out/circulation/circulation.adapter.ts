import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  Circulation,
  HoldsOf,
  HoldView,
  LoanView,
  PatronView,
  Slice,
} from '../../../application/circulation.port';

const LOAN_COLUMNS = `loan_id as "loanId", school_id as "schoolId", patron_id as "patronId", copy_id as "copyId",
  title_id as "titleId", title, barcode, borrowed_at as "borrowedAt", due_date as "dueDate", renewals, status,
  returned_on as "returnedOn", days_late as "daysLate", last_overdue_on as "lastOverdueOn",
  accrued_fine_minor::int as "accruedFineMinor", fine_minor::int as "fineMinor",
  fine_outstanding_minor::int as "fineOutstandingMinor", currency`;

@Injectable()
export class PostgresCirculation implements Circulation {
  constructor(private readonly runtime: ServiceRuntime) {}

  async loan(tenant: TenantId, loanId: string): Promise<LoanView | undefined> {
    const [loan] = await this.loans(tenant, 'loan_id = $1', [loanId]);
    return loan;
  }

  patronLoans(tenant: TenantId, patronId: string, status?: string, slice: Slice = {}): Promise<LoanView[]> {
    return this.loans(
      tenant,
      `patron_id = $1 and ($2::text is null or status = $2) order by borrowed_at desc, loan_id
       limit $3 offset $4`,
      [patronId, status ?? null, slice.limit ?? null, slice.offset ?? 0],
    );
  }

  finedLoans(tenant: TenantId, patronId: string): Promise<LoanView[]> {
    return this.loans(tenant, 'patron_id = $1 and fine_minor is not null order by borrowed_at desc', [patronId]);
  }

  overdueLoans(tenant: TenantId, schoolId: string, today: string): Promise<LoanView[]> {
    return this.loans(tenant, `school_id = $1 and status = 'active' and due_date < $2 order by due_date, loan_id`, [
      schoolId,
      today,
    ]);
  }

  openHolds(tenant: TenantId, of: HoldsOf): Promise<HoldView[]> {
    const [where, id] = 'patronId' in of ? ['h.patron_id = $1', of.patronId] : ['h.title_id = $1', of.titleId];
    return this.runtime.queryTenant<HoldView>(
      tenant,
      (s) => `select h.hold_id as "holdId", h.title_id as "titleId", h.patron_id as "patronId", h.status,
                h.copy_id as "copyId", h.pickup_by as "pickupBy", h.placed_at as "placedAt", q.position
              from ${s}.holds h left join (
                select hold_id, row_number() over (partition by title_id order by placed_at, hold_id)::int as position
                from ${s}.holds where status = 'waiting') q on q.hold_id = h.hold_id
              where ${where} and h.status in ('waiting', 'ready')
              order by h.status, h.placed_at, h.hold_id`,
      [id],
    );
  }

  patrons(tenant: TenantId, ids: readonly string[], userId?: string): Promise<PatronView[]> {
    return this.runtime.queryTenant<PatronView>(
      tenant,
      (s) => `select patron_id as "patronId", school_id as "schoolId", user_id as "userId", name, category, standing
              from ${s}.patrons where patron_id = any($1) and ($2::text is null or user_id = $2)
              order by patron_id`,
      [ids, userId ?? null],
    );
  }

  activeLoans(tenant: TenantId, patronId: string): Promise<number> {
    return this.count(
      tenant,
      (s) => `select count(*) as n from ${s}.loans where patron_id = $1 and status = 'active'`,
      [patronId],
    );
  }

  activeHolds(tenant: TenantId, patronId: string): Promise<number> {
    return this.count(
      tenant,
      (s) => `select count(*) as n from ${s}.holds where patron_id = $1 and status in ('waiting', 'ready')`,
      [patronId],
    );
  }

  async loansToReportOverdue(tenant: TenantId, today: string): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ loanId: string }>(
      tenant,
      (s) => `select loan_id as "loanId" from ${s}.loans
              where status = 'active' and due_date < $1 and (last_overdue_on is null or last_overdue_on < $1)`,
      [today],
    );
    return rows.map((row) => row.loanId);
  }

  holdsPastPickup(tenant: TenantId, today: string): Promise<Array<{ holdId: string; titleId: string }>> {
    return this.runtime.queryTenant(
      tenant,
      (s) => `select hold_id as "holdId", title_id as "titleId" from ${s}.holds
              where status = 'ready' and pickup_by < $1 order by pickup_by`,
      [today],
    );
  }

  /** Loans matching `where` (and ordered by whatever follows it), as the API shows them. */
  private loans(tenant: TenantId, where: string, params: unknown[]): Promise<LoanView[]> {
    return this.runtime.queryTenant<LoanView>(
      tenant,
      (s) => `select ${LOAN_COLUMNS} from ${s}.loans where ${where}`,
      params,
    );
  }

  private async count(tenant: TenantId, sql: (schema: string) => string, params: unknown[]): Promise<number> {
    const [row] = await this.runtime.queryTenant<{ n: string }>(tenant, sql, params);
    return Number(row?.n ?? 0);
  }
}
