import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import { isStaff, LIBRARY_SETTINGS, LibraryContext } from './library-context';
import type { LibrarySettings } from './library-context';

export interface LoanView {
  loanId: string;
  schoolId: string;
  patronId: string;
  copyId: string;
  titleId: string;
  title: string;
  barcode: string;
  borrowedAt: string;
  dueDate: string;
  renewals: number;
  status: string;
  returnedOn: string | null;
  daysLate: number | null;
  fineMinor: number | null;
  fineOutstandingMinor: number | null;
  currency: string;
}

const LOAN_COLUMNS = `loan_id as "loanId", school_id as "schoolId", patron_id as "patronId", copy_id as "copyId",
  title_id as "titleId", title, barcode, borrowed_at as "borrowedAt", due_date as "dueDate", renewals, status,
  returned_on as "returnedOn", days_late as "daysLate", fine_minor::int as "fineMinor",
  fine_outstanding_minor::int as "fineOutstandingMinor", currency`;

/** Reads of the circulation read model; each waits for the caller's consistency token first. */
@Injectable()
export class CirculationQueries {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
    private readonly context: LibraryContext,
    @Inject(LIBRARY_SETTINGS) private readonly settings: LibrarySettings,
  ) {}

  async loan(caller: Principal, loanId: string): Promise<LoanView> {
    await this.fresh(caller);
    const [loan] = await this.runtime.queryTenant<LoanView>(
      caller.tenant,
      (s) => `select ${LOAN_COLUMNS} from ${s}.loans where loan_id = $1`,
      [loanId],
    );
    if (!loan || !(isStaff(caller) || (await this.isPatronsUser(caller, loan.patronId)))) {
      throw new NotFoundException(`no loan ${loanId}`);
    }
    return loan;
  }

  /** A patron's loans, newest first: staff see anyone's, a patron only their own (anyone else's is 404). */
  async patronLoans(caller: Principal, patronId: string, status?: string): Promise<LoanView[]> {
    await this.fresh(caller);
    await this.mayRead(caller, patronId);
    return this.runtime.queryTenant<LoanView>(
      caller.tenant,
      (s) => `select ${LOAN_COLUMNS} from ${s}.loans
              where patron_id = $1 and ($2::text is null or status = $2) order by borrowed_at desc`,
      [patronId, status ?? null],
    );
  }

  /** What the patron owes, loan by loan, and in total per currency. */
  async patronFines(caller: Principal, patronId: string) {
    await this.fresh(caller);
    await this.mayRead(caller, patronId);
    const fines = await this.runtime.queryTenant<LoanView>(
      caller.tenant,
      (s) => `select ${LOAN_COLUMNS} from ${s}.loans where patron_id = $1 and fine_minor is not null
              order by borrowed_at desc`,
      [patronId],
    );
    const outstanding: Record<string, number> = {};
    for (const f of fines) outstanding[f.currency] = (outstanding[f.currency] ?? 0) + (f.fineOutstandingMinor ?? 0);
    return { patronId, outstanding, fines };
  }

  /** Loans past their due day in the school's calendar, most overdue first. */
  async overdue(caller: Principal, schoolId: string) {
    await this.fresh(caller);
    const today = this.context.today();
    const loans = await this.runtime.queryTenant<LoanView>(
      caller.tenant,
      (s) => `select ${LOAN_COLUMNS} from ${s}.loans
              where school_id = $1 and status = 'active' and due_date < $2 order by due_date, loan_id`,
      [schoolId, today],
    );
    return { schoolId, asOf: today, loans };
  }

  private async mayRead(caller: Principal, patronId: string) {
    if (isStaff(caller)) return;
    if (!(await this.isPatronsUser(caller, patronId))) throw new NotFoundException(`no patron ${patronId}`);
  }

  private async isPatronsUser(caller: Principal, patronId: string): Promise<boolean> {
    const rows = await this.runtime.queryTenant(
      caller.tenant,
      (s) => `select 1 from ${s}.patrons where patron_id = $1 and user_id = $2`,
      [patronId, caller.userId],
    );
    return rows.length > 0;
  }

  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.circulation, caller);
  }
}
