import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

export interface CatalogueSearch {
  /** Required unless `ids` is given. */
  schoolId?: string;
  /** Exactly these titles (a batch lookup), at most 100. */
  ids?: string[];
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

/** What a search and a title answer: typed once, in the contracts the gateway implements too. */
export type TitleView = views.libraries.TitleView;
export type TitleDetail = views.libraries.TitleDetail;

/** The catalogue read model (`library-catalogue`): titles and their copies' availability. */
export interface Catalogue {
  search(tenant: TenantId, search: CatalogueSearch): Promise<TitleView[]>;
  /** Undefined for a title the tenant has not catalogued. */
  title(tenant: TenantId, titleId: string): Promise<TitleDetail | undefined>;
}

export const CATALOGUE = Symbol('Catalogue');
