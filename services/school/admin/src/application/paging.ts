export interface Paging {
  limit: number;
  offset: number;
}

/** One page of a growing list, with the total of the whole list. */
export interface Page<T> extends Paging {
  items: T[];
  total: number;
}
