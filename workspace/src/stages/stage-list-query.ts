import type { WorkLineBucket } from '../api/work-queue.ts';
import { instantOfZonedLocal, zonedLocalOf } from '../contact-log/zoned-time.ts';
import type { Condition } from '../filters/filter-draft.ts';
import { withListQuery } from '../filters/list-query-search.ts';
import type { SortLevel } from '../filters/sort-levels.ts';

export const stageListColumns = ['name', 'nextFollowUpAt', 'lastContactAt', 'callCount', 'createdAt'] as const;
export type StageListColumn = (typeof stageListColumns)[number];

export const ownershipChoices = ['any', 'personal', 'collaborative', 'pool'] as const;
export type OwnershipChoice = (typeof ownershipChoices)[number];

/** What the filter bar asks for. */
export interface StageListFilters {
  q: string;
  ownership: OwnershipChoice;
  due: WorkLineBucket | undefined;
}

type Leaf = { fact: string; operator: string; value: string };

const DAY_MS = 86_400_000;

/** The first instant of the local day `offset` days from today's, in the person's zone. */
function dayStart(now: Date, timeZone: string, offset: number): string {
  const today = zonedLocalOf(now, timeZone).slice(0, 10);
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
  return instantOfZonedLocal(`${day}T00:00`, timeZone)!.toISOString();
}

/** Days from today to next Monday (1–7): the work line's weeks start on Monday. */
function daysToNextWeek(now: Date, timeZone: string): number {
  const today = zonedLocalOf(now, timeZone).slice(0, 10);
  const isoWeekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return 8 - isoWeekday;
}

/**
 * A work-line cell as a list filter over the customer facts, with the same day boundaries the grid counts by (in the
 * person's zone): overdue before today, today, tomorrow, the rest of this week after tomorrow, or contacted today.
 */
export function dueCondition(due: WorkLineBucket, now: Date, timeZone: string): { all: Leaf[] } {
  const from = (fact: string, offset: number): Leaf => ({ fact, operator: 'greaterThanInclusive', value: dayStart(now, timeZone, offset) });
  const before = (fact: string, offset: number): Leaf => ({ fact, operator: 'lessThan', value: dayStart(now, timeZone, offset) });
  switch (due) {
    case 'overdue':
      return { all: [before('nextFollowUpAt', 0)] };
    case 'today':
      return { all: [from('nextFollowUpAt', 0), before('nextFollowUpAt', 1)] };
    case 'tomorrow':
      return { all: [from('nextFollowUpAt', 1), before('nextFollowUpAt', 2)] };
    case 'thisWeek':
      return { all: [from('nextFollowUpAt', 2), before('nextFollowUpAt', Math.max(2, daysToNextWeek(now, timeZone)))] };
    case 'contactedToday':
      return { all: [from('lastContactAt', 0), before('lastContactAt', 1)] };
  }
}

/** Where the filter builder's condition sits inside the list's `filter`: after the due bucket's when there is one. */
export const builderPathIn = (filters: Pick<StageListFilters, 'due'>, builder: Condition | undefined) =>
  filters.due !== undefined && builder !== undefined ? '/all/1' : '';

/** The customer list request (GET /api/customers) for one stage's page: the bar, the builder's filter and the sort levels. */
export function stageListSearch(
  stage: string,
  filters: StageListFilters,
  query: { condition?: Condition | undefined; sort: readonly SortLevel[] },
  context: { now: Date; timeZone: string; cursor?: string; limit?: number },
): URLSearchParams {
  const search = new URLSearchParams({ stage, limit: String(context.limit ?? 50) });
  if (filters.q.trim() !== '') search.set('q', filters.q.trim());
  if (filters.ownership !== 'any') search.set('ownership', filters.ownership);
  if (context.cursor !== undefined) search.set('cursor', context.cursor);
  const due = filters.due === undefined ? undefined : dueCondition(filters.due, context.now, context.timeZone);
  const condition = due === undefined ? query.condition : query.condition === undefined ? due : { all: [due, query.condition] };
  return withListQuery(search, condition, query.sort);
}

/** Where the focus goes in a list of `count` rows on a key press; undefined: the key is not the list's. */
export function rowAfterKey(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(index + 10, count - 1);
    case 'PageUp':
      return Math.max(index - 10, 0);
    default:
      return undefined;
  }
}
