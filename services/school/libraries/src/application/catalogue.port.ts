import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

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

/** What a search answers: typed once, in the contracts the gateway implements too. */
type TitleFacts = views.libraries.TitleFacts;
export type TitleView = views.libraries.TitleView;

export interface CopyView {
  copyId: string;
  barcode: string;
  shelf: string;
  status: string;
}

/** One title with each of its copies, by barcode. */
export interface TitleDetail extends TitleFacts {
  copies: CopyView[];
}

/** The catalogue read model (`library-catalogue`): titles and their copies' availability. */
export interface Catalogue {
  search(tenant: TenantId, search: CatalogueSearch): Promise<TitleView[]>;
  /** Undefined for a title the tenant has not catalogued. */
  title(tenant: TenantId, titleId: string): Promise<TitleDetail | undefined>;
}

export const CATALOGUE = Symbol('Catalogue');
