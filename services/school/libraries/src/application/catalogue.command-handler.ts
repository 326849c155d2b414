import { Injectable } from '@nestjs/common';
import { Money } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import { copyDecider, ruleMatrixDecider, titleDecider } from '../domain';
import type { LoanRule } from '../domain';
import { found } from './found';
import { pushedDefaultNow } from './loan-defaults.command-handler';

export interface NewTitle {
  schoolId: string;
  title: string;
  authors: string[];
  isbn: string | null;
  itemType: string;
}

export type LoanRuleInput = Omit<LoanRule, 'fineRatePerDay' | 'fineCap'> & {
  fineRatePerDayMinor: number;
  fineCapMinor: number | null;
  currency: string;
};

/** The library's holdings and its loan-rule matrix. */
@Injectable()
export class CatalogueCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly streams: Streams,
  ) {}

  async catalogueTitle(caller: Principal, input: NewTitle): Promise<{ titleId: string }> {
    const titleId = this.time.newId(caller, 'title');
    await this.commands.handle(titleDecider, {
      caller,
      aggregate: 'title',
      id: titleId,
      command: { type: 'CatalogueTitle', data: { titleId, ...input }, metadata: { now: this.time.now() } },
    });
    return { titleId };
  }

  /** A copy belongs to its title's school: both come from the title stream, never from the request. */
  async addCopy(caller: Principal, titleId: string, barcode: string, shelf: string): Promise<{ copyId: string }> {
    const copyId = this.time.newId(caller, 'copy');
    const metadata = { now: this.time.now() };
    await this.commands.transact(caller, async (tx) => {
      const title = await tx.load(titleDecider, 'title', titleId);
      const { schoolId } = found(title.state, 'title');
      const copy = await tx.load(copyDecider, 'copy', copyId);
      if (copy.version > 0) return; // a replayed Idempotency-Key
      const data = { copyId, titleId, schoolId, barcode, shelf };
      tx.append(copy, copyDecider.decide({ type: 'AddCopy', data, metadata }, copy.state));
    });
    return { copyId };
  }

  /** One cell of the school's matrix; retried on a lost race, since setting a cell is safe to re-decide. */
  async setLoanRule(caller: Principal, schoolId: string, input: LoanRuleInput): Promise<void> {
    const { fineRatePerDayMinor, fineCapMinor, currency, ...terms } = input;
    const rule: LoanRule = {
      ...terms,
      fineRatePerDay: Money.of(fineRatePerDayMinor, currency),
      fineCap: fineCapMinor === null ? null : Money.of(fineCapMinor, currency),
    };
    const defaultPushed = (await pushedDefaultNow(this.streams, caller.tenant, schoolId)) !== null;
    await this.commands.handle(ruleMatrixDecider, {
      caller,
      aggregate: 'rules',
      id: schoolId,
      command: {
        type: 'SetLoanRule',
        data: { schoolId, ...rule, defaultPushed },
        metadata: { now: this.time.now() },
      },
      retries: 3,
    });
  }

  /**
   * Removes a cell: patrons and items it covered fall back to a less specific rule. The
   * school's own default goes only when HQ pushed one to fall back to (ADR 0045).
   */
  async removeLoanRule(
    caller: Principal,
    schoolId: string,
    cell: { patronCategory: string | null; itemType: string | null },
  ) {
    const defaultPushed = (await pushedDefaultNow(this.streams, caller.tenant, schoolId)) !== null;
    await this.commands.handle(ruleMatrixDecider, {
      caller,
      aggregate: 'rules',
      id: schoolId,
      command: {
        type: 'RemoveLoanRule',
        data: { schoolId, ...cell, defaultPushed },
        metadata: { now: this.time.now() },
      },
      retries: 3,
    });
  }
}
