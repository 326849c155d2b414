import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { streamId } from '@hexfleet/eventing';
import { fold } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import { ruleMatrixDecider } from '../domain';
import type { RuleMatrixEvent } from '../domain';
import { LIBRARY_SETTINGS } from './library-context';
import type { LibrarySettings } from './library-context';

export interface CatalogueSearch {
  schoolId: string;
  /** Words of the title (substring, case-insensitive). */
  q?: string;
  author?: string;
  /** Digits only, as catalogued. */
  isbn?: string;
  /** true: only titles with a copy on the shelf; false: only those without. */
  available?: boolean;
  limit: number;
  offset: number;
}

export interface TitleView {
  titleId: string;
  schoolId: string;
  title: string;
  authors: string[];
  isbn: string | null;
  itemType: string;
  copies: number;
  available: number;
  timesBorrowed: number;
}

/** `%` and `_` are the user's characters, not wildcards. */
const like = (text: string | undefined) => (text ? `%${text.replace(/[\\%_]/g, '\\$&')}%` : null);

@Injectable()
export class CatalogueQueries {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
    @Inject(LIBRARY_SETTINGS) private readonly settings: LibrarySettings,
  ) {}

  async search(caller: Principal, search: CatalogueSearch): Promise<TitleView[]> {
    await this.consistency.await(this.settings.readModels.catalogue, caller);
    return this.runtime.queryTenant<TitleView>(
      caller.tenant,
      (s) => `select t.title_id as "titleId", t.school_id as "schoolId", t.title, t.authors, t.isbn,
                t.item_type as "itemType",
                coalesce((select b.times_borrowed from ${s}.title_borrowings b where b.title_id = t.title_id), 0)
                  as "timesBorrowed",
                count(c.copy_id) filter (where c.status not in ('withdrawn', 'lost'))::int as copies,
                count(c.copy_id) filter (where c.status = 'available')::int as available
              from ${s}.titles t left join ${s}.copies c on c.title_id = t.title_id
              where t.school_id = $1
                and ($2::text is null or t.title ilike $2)
                and ($3::text is null or exists (select 1 from unnest(t.authors) a where a ilike $3))
                and ($4::text is null or t.isbn = $4)
              group by t.title_id
              having $5::boolean is null or (count(c.copy_id) filter (where c.status = 'available') > 0) = $5
              order by lower(t.title), t.title_id
              limit $6 offset $7`,
      [
        search.schoolId,
        like(search.q),
        like(search.author),
        search.isbn ?? null,
        search.available ?? null,
        search.limit,
        search.offset,
      ],
    );
  }

  /** One title with each copy's barcode, shelf and status. */
  async title(caller: Principal, titleId: string) {
    await this.consistency.await(this.settings.readModels.catalogue, caller);
    const [title] = await this.runtime.queryTenant<Record<string, unknown>>(
      caller.tenant,
      (s) => `select t.title_id as "titleId", t.school_id as "schoolId", t.title, t.authors, t.isbn,
                t.item_type as "itemType",
                coalesce((select b.times_borrowed from ${s}.title_borrowings b where b.title_id = t.title_id), 0)
                  as "timesBorrowed",
                coalesce(json_agg(json_build_object('copyId', c.copy_id, 'barcode', c.barcode, 'shelf', c.shelf,
                  'status', c.status) order by c.barcode) filter (where c.copy_id is not null), '[]'::json) as copies
              from ${s}.titles t left join ${s}.copies c on c.title_id = t.title_id
              where t.title_id = $1 group by t.title_id`,
      [titleId],
    );
    if (!title) throw new NotFoundException(`no title ${titleId}`);
    return title;
  }

  /**
   * The school's loan-rule matrix, default first. Read from its stream (a few
   * cells per school): always current, no read model to wait for.
   */
  async loanRules(caller: Principal, schoolId: string) {
    const recorded = await this.runtime.store.readStream(streamId(caller.tenant, 'rules', schoolId));
    const state = fold(
      ruleMatrixDecider,
      recorded.map((e) => ({ type: e.type, data: e.data }) as RuleMatrixEvent),
    );
    const rules = state.status === 'defined' ? state.rules : [];
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
