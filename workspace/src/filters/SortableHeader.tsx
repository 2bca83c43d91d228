import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { sortStateOf, type SortLevel } from './sort-levels.ts';

/**
 * A column header that adds its fact as the next sort level on a click (or Enter), then turns it descending, then
 * drops it (sort-levels.ts); `aria-sort` and the arrow say how, a small number which level when there are several.
 * A fact the list may not sort by (a masked field, a count) is a plain header.
 */
export function SortableHeader({ fact, sortable, levels, onCycle, children }: { fact: string; sortable: boolean; levels: readonly SortLevel[]; onCycle(fact: string): void; children: ReactNode }) {
  const { t } = useI18n();
  if (!sortable) return <th scope="col">{children}</th>;
  const state = sortStateOf(levels, fact);
  return (
    <th scope="col" aria-sort={state.ariaSort} data-sort-fact={fact}>
      <button type="button" className="sort-header" onClick={() => onCycle(fact)}>
        {children}
        <span aria-hidden="true">{state.ariaSort === 'ascending' ? ' ▲' : state.ariaSort === 'descending' ? ' ▼' : ''}</span>
        {state.level !== undefined && <sup title={t('filters.sortLevel', { level: String(state.level) })}>{state.level}</sup>}
      </button>
    </th>
  );
}
