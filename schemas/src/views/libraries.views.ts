// What Libraries' REST API answers (see hrms.views.ts for why these live with the contracts).

/** What a title is, as catalogued, and how often it was lent. */
export interface TitleFacts {
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
