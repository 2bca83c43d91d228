import type { TeamContactRecordFilters } from '../api/reviews.ts';
import type { Condition } from '../filters/filter-draft.ts';
import { withListQuery } from '../filters/list-query-search.ts';

/**
 * The contact-record list query for the review page's choices — the rep by `authorId`, the days by `occurredAt`
 * counted in the person's time zone (a date compared with a date-time counts local days) — newest first. The
 * export covers the records of every customer the person may see, so with no rep chosen it may hold more than the
 * page, which lists the team's own records.
 */
export function teamRecordsExportSearch(filters: TeamContactRecordFilters): URLSearchParams {
  const leaves: Condition[] = [
    ...(filters.author === undefined ? [] : [{ fact: 'authorId', operator: 'equal', value: filters.author }]),
    ...(filters.from === undefined || filters.from === '' ? [] : [{ fact: 'occurredAt', operator: 'greaterThanInclusive', value: filters.from }]),
    ...(filters.to === undefined || filters.to === '' ? [] : [{ fact: 'occurredAt', operator: 'lessThanInclusive', value: filters.to }]),
  ];
  return withListQuery(new URLSearchParams(), leaves.length === 0 ? undefined : { all: leaves }, [{ fact: 'occurredAt', direction: 'desc' }]);
}
