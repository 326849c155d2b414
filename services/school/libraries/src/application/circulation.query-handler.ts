import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import { isStaff, LIBRARY_SETTINGS, LibraryContext } from './library-context';
import type { LibrarySettings } from './library-context';
import { PatronAccess } from './patron-access';

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
    private readonly access: PatronAccess,
    @Inject(LIBRARY_SETTINGS) private readonly settings: LibrarySettings,
  ) {}

  async loan(caller: Principal, loanId: string): Promise<LoanView> {
    await this.fresh(caller);
    const [loan] = await this.runtime.queryTenant<LoanView>(
      caller.tenant,
      (s) => `select ${LOAN_COLUMNS} from ${s}.loans where loan_id = $1`,
      [loanId],
    );
    if (!loan || !(isStaff(caller) || (await this.access.isPatronsUser(caller, loan.patronId)))) {
      throw new NotFoundException(`no loan ${loanId}`);
    }
    return loan;
  }

  /** A patron's loans, newest first: staff see anyone's, a patron only their own (anyone else's is 404). */
  async patronLoans(caller: Principal, patronId: string, status?: string): Promise<LoanView[]> {
    await this.fresh(caller);
    await this.access.check(caller, patronId);
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
    await this.access.check(caller, patronId);
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

  /** A patron's open holds, with the place of each waiting one in its title's queue. */
  async patronHolds(caller: Principal, patronId: string) {
    await this.fresh(caller);
    await this.access.check(caller, patronId);
    return this.holds(caller, 'h.patron_id = $1', patronId);
  }

  /** A title's queue: the ready hold (copy on the hold shelf) and the waiting ones, first come first. */
  async titleHolds(caller: Principal, titleId: string) {
    await this.fresh(caller);
    return this.holds(caller, 'h.title_id = $1', titleId);
  }

  private holds(caller: Principal, where: 'h.patron_id = $1' | 'h.title_id = $1', id: string) {
    return this.runtime.queryTenant(
      caller.tenant,
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

  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.circulation, caller);
  }
}
