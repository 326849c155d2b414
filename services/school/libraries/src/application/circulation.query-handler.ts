import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency, hasRole, TimeAndIds } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { CIRCULATION } from './circulation.port';
import type { Circulation, HoldView, LoanView, PatronView, Slice } from './circulation.port';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import type { LibrariesSettings } from './libraries-settings';
import { PatronAccess, STAFF } from './patron-access';

/** Reads of the circulation read model: authorized first, then each waits for the caller's consistency token. */
@Injectable()
export class CirculationQueryHandler {
  constructor(
    private readonly consistency: Consistency,
    private readonly time: TimeAndIds,
    private readonly access: PatronAccess,
    @Inject(CIRCULATION) private readonly circulation: Circulation,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {}

  /** Staff see any loan; a patron only their own (whose it is, the loan itself says). */
  async loan(caller: Principal, loanId: string): Promise<LoanView> {
    await this.fresh(caller);
    const loan = await this.circulation.loan(caller.tenant, loanId);
    if (!loan || !(hasRole(caller, ...STAFF) || (await this.access.isPatronsUser(caller, loan.patronId)))) {
      throw new NotFoundException(`no loan ${loanId}`);
    }
    return loan;
  }

  /** A patron's loans, newest first: staff see anyone's, a patron only their own (anyone else's is 404). */
  async patronLoans(caller: Principal, patronId: string, status?: string, slice?: Slice): Promise<LoanView[]> {
    await this.access.check(caller, patronId);
    await this.fresh(caller);
    return this.circulation.patronLoans(caller.tenant, patronId, status, slice);
  }

  /**
   * Patrons by id (a batch lookup): staff see any of the tenant's, anyone else
   * only the patron linked to their own user; the others are left out, as unknown ids are.
   */
  async patrons(caller: Principal, ids: readonly string[]): Promise<PatronView[]> {
    await this.fresh(caller);
    return this.circulation.patrons(caller.tenant, ids, hasRole(caller, ...STAFF) ? undefined : caller.userId);
  }

  /** What the patron owes, loan by loan, and in total per currency. */
  async patronFines(caller: Principal, patronId: string): Promise<views.libraries.PatronFinesView> {
    await this.access.check(caller, patronId);
    await this.fresh(caller);
    const fines = await this.circulation.finedLoans(caller.tenant, patronId);
    const outstanding: Record<string, number> = {};
    for (const f of fines) outstanding[f.currency] = (outstanding[f.currency] ?? 0) + (f.fineOutstandingMinor ?? 0);
    return { patronId, outstanding, fines };
  }

  /** A patron's open holds, with the place of each waiting one in its title's queue. */
  async patronHolds(caller: Principal, patronId: string): Promise<HoldView[]> {
    await this.access.check(caller, patronId);
    await this.fresh(caller);
    return this.circulation.openHolds(caller.tenant, { patronId });
  }

  /** A title's queue (the desk's): the ready hold (copy on the hold shelf) and the waiting ones, first come first. */
  async titleHolds(caller: Principal, titleId: string): Promise<HoldView[]> {
    await this.fresh(caller);
    return this.circulation.openHolds(caller.tenant, { titleId });
  }

  /** Loans past their due day in the school's calendar, most overdue first. */
  async overdue(caller: Principal, schoolId: string): Promise<views.libraries.OverdueLoansView> {
    await this.fresh(caller);
    const today = this.time.today(this.settings.timeZone);
    const loans = await this.circulation.overdueLoans(caller.tenant, schoolId, today);
    return { schoolId, asOf: today, loans };
  }

  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.circulation, caller);
  }
}
