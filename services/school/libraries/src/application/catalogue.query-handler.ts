import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
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
                t.item_type as "itemType", t.times_borrowed as "timesBorrowed",
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
}
