import { useState } from 'react';
import type { ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import type { ListEntity } from '../api/list-fields.ts';
import type { SavedView } from '../api/saved-views.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { SavedViewsBar } from '../saved-views/SavedViewsBar.tsx';
import { useSession } from '../shell/session-context.ts';
import { FilterBuilder } from './FilterBuilder.tsx';
import type { ListQuery } from './use-list-query.ts';

/**
 * A list's filters: the button that opens the builder, the saved views, and the builder itself — opened by itself
 * when the list refuses a row, so the message is seen beside it. `failure` is the list's last read; `at` is where
 * the builder's condition sits in the list's filter (stage-list-query.ts's builderPathIn).
 */
export function ListFilters({
  entity,
  query,
  columns,
  failure,
  at = '',
  onPick,
}: {
  entity: ListEntity;
  query: ListQuery;
  columns: readonly string[];
  failure: ApiFailure | undefined;
  at?: string;
  onPick?(view: SavedView): void;
}) {
  const { format } = useSession();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const problems = query.rowProblems(failure, at);
  const shown = open || problems.byRow.size > 0;
  return (
    <>
      <div className="list-filters-bar">
        <button type="button" aria-expanded={shown} onClick={() => setOpen(!shown)}>
          {t('filters.toggle', { count: format.count(query.draft.items.length) })}
        </button>
        <SavedViewsBar
          entity={entity}
          current={{ columns: [...columns], filter: query.condition, sort: query.sort }}
          onPick={(view) => {
            onPick?.(view);
            query.applyView(view);
          }}
        />
      </div>
      {shown && <FilterBuilder query={query} problems={problems.byRow} />}
      {problems.general.length > 0 && (
        <ul className="form-error filter-problems">
          {problems.general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
