import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Catalogue, CatalogueSearch, TitleDetail, TitleView } from '../../../application/catalogue.port';

/** A title's own columns, `t` being its row and `s` the tenant's schema. */
const TITLE_COLUMNS = (s: string) => `t.title_id as "titleId", t.school_id as "schoolId", t.title, t.authors, t.isbn,
  t.item_type as "itemType",
  coalesce((select b.times_borrowed from ${s}.title_borrowings b where b.title_id = t.title_id), 0) as "timesBorrowed"`;

/** `%` and `_` are the user's characters, not wildcards. */
const like = (text: string | undefined) => (text ? `%${text.replace(/[\\%_]/g, '\\$&')}%` : null);

@Injectable()
export class PostgresCatalogue implements Catalogue {
  constructor(private readonly runtime: ServiceRuntime) {}

  search(tenant: TenantId, search: CatalogueSearch): Promise<TitleView[]> {
    return this.runtime.queryTenant<TitleView>(
      tenant,
      (s) => `select ${TITLE_COLUMNS(s)},
                count(c.copy_id) filter (where c.status not in ('withdrawn', 'lost'))::int as copies,
                count(c.copy_id) filter (where c.status = 'available')::int as available
              from ${s}.titles t left join ${s}.copies c on c.title_id = t.title_id
              where ($1::text is null or t.school_id = $1)
                and ($8::text[] is null or t.title_id = any($8))
                and ($2::text is null or t.title ilike $2)
                and ($3::text is null or exists (select 1 from unnest(t.authors) a where a ilike $3))
                and ($4::text is null or t.isbn = $4)
              group by t.title_id
              having $5::boolean is null or (count(c.copy_id) filter (where c.status = 'available') > 0) = $5
              order by lower(t.title), t.title_id
              limit $6 offset $7`,
      [
        search.schoolId ?? null,
        like(search.q),
        like(search.author),
        search.isbn ?? null,
        search.available ?? null,
        search.limit,
        search.offset,
        search.ids ?? null,
      ],
    );
  }

  async title(tenant: TenantId, titleId: string): Promise<TitleDetail | undefined> {
    const [title] = await this.runtime.queryTenant<TitleDetail>(
      tenant,
      (s) => `select ${TITLE_COLUMNS(s)},
                coalesce(json_agg(json_build_object('copyId', c.copy_id, 'barcode', c.barcode, 'shelf', c.shelf,
                  'status', c.status) order by c.barcode) filter (where c.copy_id is not null), '[]'::json) as copies
              from ${s}.titles t left join ${s}.copies c on c.title_id = t.title_id
              where t.title_id = $1 group by t.title_id`,
      [titleId],
    );
    return title;
  }
}
