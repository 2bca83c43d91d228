import type { Condition } from './filter-draft.ts';
import { sortParameter, type SortLevel } from './sort-levels.ts';

/** The list request's `filter` and `sort` parameters, added to `search`. */
export function withListQuery(search: URLSearchParams, condition: Condition | undefined, sort: readonly SortLevel[]): URLSearchParams {
  const next = new URLSearchParams(search);
  if (condition !== undefined) next.set('filter', JSON.stringify(condition));
  const sortText = sortParameter(sort);
  if (sortText !== undefined) next.set('sort', sortText);
  return next;
}
