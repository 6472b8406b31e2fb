/** One page of a list. */
export type Page<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
};

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
