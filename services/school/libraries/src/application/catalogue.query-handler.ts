import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency, Streams } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { effectiveLoanRules, ruleMatrixDecider } from '../domain';
import { CATALOGUE } from './catalogue.port';
import type { Catalogue, CatalogueSearch, TitleDetail, TitleView } from './catalogue.port';
import { LIBRARIES_SETTINGS } from './libraries-settings';
import { pushedDefaultNow } from './loan-defaults.command-handler';
import type { LibrariesSettings } from './libraries-settings';

/** Reads of the catalogue (anyone of the tenant may search it) and of a school's loan rules. */
@Injectable()
export class CatalogueQueryHandler {
  constructor(
    private readonly consistency: Consistency,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly streams: Streams,
    @Inject(LIBRARIES_SETTINGS) private readonly settings: LibrariesSettings,
  ) {}

  async search(caller: Principal, search: CatalogueSearch): Promise<TitleView[]> {
    await this.consistency.await(this.settings.readModels.catalogue, caller);
    return this.catalogue.search(caller.tenant, search);
  }

  /** One title with each copy's barcode, shelf and status. */
  async title(caller: Principal, titleId: string): Promise<TitleDetail> {
    await this.consistency.await(this.settings.readModels.catalogue, caller);
    const title = await this.catalogue.title(caller.tenant, titleId);
    if (!title) throw new NotFoundException(`no title ${titleId}`);
    return title;
  }

  /**
   * The school's loan-rule matrix as loans are decided by it, default first: its own cells,
   * and HQ's pushed default as the default cell while the school set none (ADR 0045). Read
   * from the streams (a few cells per school): always current, no read model to wait for.
   */
  async loanRules(caller: Principal, schoolId: string): Promise<views.libraries.LoanRuleView[]> {
    const { state } = await this.streams.load(ruleMatrixDecider, caller.tenant, 'rules', schoolId);
    const own = state.status === 'defined' ? state.rules : [];
    const rules = effectiveLoanRules(own, await pushedDefaultNow(this.streams, caller.tenant, schoolId));
    const specificity = (r: (typeof rules)[number]) => (r.patronCategory ? 2 : 0) + (r.itemType ? 1 : 0);
    return [...rules]
      .sort((a, b) => specificity(a) - specificity(b))
      .map(({ fineRatePerDay, fineCap, ...rule }) => ({
        ...rule,
        fineRatePerDayMinor: fineRatePerDay.amountMinor,
        currency: fineRatePerDay.currency,
        fineCapMinor: fineCap?.amountMinor ?? null,
      }));
  }
}
