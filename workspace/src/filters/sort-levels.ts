/** One level of a list's order, as the lists and saved views take it (docs/lists.md#sorting). */
export interface SortLevel {
  fact: string;
  direction: 'asc' | 'desc';
}

export const maxSortLevels = 4;

/**
 * Clicking a column header: a column not yet sorted by joins as the next level, ascending (while there are fewer
 * than four); one already there turns descending, then leaves the order.
 */
export function cycleSortLevel(levels: readonly SortLevel[], fact: string): SortLevel[] {
  const index = levels.findIndex((level) => level.fact === fact);
  if (index === -1) return levels.length < maxSortLevels ? [...levels, { fact, direction: 'asc' }] : [...levels];
  if (levels[index]!.direction === 'asc') return levels.map((level, at) => (at === index ? { fact, direction: 'desc' } : level));
  return levels.filter((_, at) => at !== index);
}

/** The `sort` parameter (`stage,-nextFollowUpAt`), or undefined for the list's own order. */
export function sortParameter(levels: readonly SortLevel[]): string | undefined {
  return levels.length === 0 ? undefined : levels.map((level) => `${level.direction === 'desc' ? '-' : ''}${level.fact}`).join(',');
}

/** What a header's `aria-sort` says, and its level (1–4) when the list is sorted by more than one. */
export function sortStateOf(levels: readonly SortLevel[], fact: string): { ariaSort: 'ascending' | 'descending' | 'none'; level?: number } {
  const index = levels.findIndex((level) => level.fact === fact);
  if (index === -1) return { ariaSort: 'none' };
  return { ariaSort: levels[index]!.direction === 'asc' ? 'ascending' : 'descending', ...(levels.length > 1 ? { level: index + 1 } : {}) };
}
