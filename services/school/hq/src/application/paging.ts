export interface Paging {
  limit: number;
  offset: number;
}

/** A page of a growing list, with the total across pages. */
export interface Page<T> extends Paging {
  items: T[];
  total: number;
}
