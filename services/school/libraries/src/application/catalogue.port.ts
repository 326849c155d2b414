import type { TenantId } from '@hexfleet/kernel';

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

interface TitleFacts {
  titleId: string;
  schoolId: string;
  title: string;
  authors: string[];
  isbn: string | null;
  itemType: string;
  timesBorrowed: number;
}

/** A title in a search: how many copies it has, and how many are on the shelf. */
export interface TitleView extends TitleFacts {
  copies: number;
  available: number;
}

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
