import { useMemo, useState } from 'react';
import type { ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { fetchListFields, type ListEntity, type ListField } from '../api/list-fields.ts';
import type { SavedView } from '../api/saved-views.ts';
import { useLoaded, type Loaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { useSession } from '../shell/session-context.ts';
import { conditionOfDraft, draftOfCondition, emptyDraft, problemsByRow, type Condition, type FilterDraft } from './filter-draft.ts';
import { cycleSortLevel, type SortLevel } from './sort-levels.ts';

export interface ListQuery {
  fields: Loaded<ListField[]>;
  fieldsByName: ReadonlyMap<string, ListField>;
  draft: FilterDraft;
  setDraft(draft: FilterDraft): void;
  /** False when the applied filter (a saved view's) is deeper than the builder shows: it applies, unedited. */
  editable: boolean;
  /** The filter the list is read with now, and the sort. */
  condition: Condition | undefined;
  sort: SortLevel[];
  apply(): void;
  clear(): void;
  cycleSort(fact: string): void;
  applyView(view: SavedView): void;
  /** A list failure's messages beside the builder's rows; `at` is where the builder's condition sits in `filter`. */
  rowProblems(failure: ApiFailure | undefined, at?: string): { byRow: Map<number, string[]>; general: string[] };
}

/**
 * The filter and sort a list is read with: the builder's draft, what was applied of it (with each row's path in
 * the condition, so the list's problems find their rows), the sort levels, and saved views put into both.
 */
export function useListQuery(entity: ListEntity): ListQuery {
  const { api } = useSession();
  const fields = useLoaded(() => fetchListFields(api, entity), [api, entity]);
  const fieldsByName = useMemo(() => new Map((fields.value ?? []).map((field) => [field.name, field])), [fields.value]);
  const [draft, setDraft] = useState<FilterDraft>(emptyDraft);
  const [applied, setApplied] = useState<{ condition: Condition | undefined; rowPaths: Map<string, number>; editable: boolean }>({
    condition: undefined,
    rowPaths: new Map(),
    editable: true,
  });
  const [sort, setSort] = useState<SortLevel[]>([]);

  return {
    fields,
    fieldsByName,
    draft,
    setDraft,
    editable: applied.editable,
    condition: applied.condition,
    sort,
    apply: () => setApplied({ ...conditionOfDraft(draft, fieldsByName), editable: true }),
    clear: () => {
      setDraft(emptyDraft);
      setApplied({ condition: undefined, rowPaths: new Map(), editable: true });
    },
    cycleSort: (fact) => setSort((levels) => cycleSortLevel(levels, fact)),
    applyView: (view) => {
      const filter = (view.filter ?? undefined) as Condition | undefined;
      const shown = draftOfCondition(filter);
      setDraft(shown ?? emptyDraft);
      // The view's own condition is sent (the rows' text values would need the field types, which may still be loading).
      setApplied({ condition: filter, rowPaths: shown === undefined ? new Map() : conditionOfDraft(shown, fieldsByName).rowPaths, editable: shown !== undefined });
      setSort(view.sort);
    },
    rowProblems: (failure, at = '') =>
      failure?.kind === 'problem' ? problemsByRow(failure.problem.errors ?? [], applied.rowPaths, `/query/filter${at}`) : { byRow: new Map(), general: [] },
  };
}
