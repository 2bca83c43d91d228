import { useState } from 'react';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { useLoaded, type Loaded } from '../../../ui-kit/hooks/use-loaded.ts';

/** A page of a keyset-paged list, as the API answers one. */
export interface ListPage<T, Cursor> {
  items: T[];
  nextCursor: Cursor | null;
}

type ItemOf<Page> = Page extends ListPage<infer T, unknown> ? T : never;
type CursorOf<Page> = Page extends ListPage<unknown, infer Cursor> ? Cursor : never;

export interface PagedList<T, Cursor> {
  /** The first page's items and those of every page shown after it. */
  items: T[];
  nextCursor: Cursor | null;
  loadingMore: boolean;
  /** Why the last "show more" failed, until the next one. */
  moreFailure: ApiFailure | undefined;
  showMore(): void;
}

/**
 * A list read a page at a time: the first page as `useLoaded` reads it, more pages appended on `showMore`. The pages
 * after the first belong to the first page they followed, so a new filter, sort or reload starts the list afresh.
 */
export function usePagedList<Page extends ListPage<unknown, unknown>>(
  load: (cursor: CursorOf<Page> | undefined) => Promise<Page>,
  keys: readonly unknown[],
): PagedList<ItemOf<Page>, CursorOf<Page>> & {
  /** The first page's read (status, failure, total…); it reloads whenever a key changes. */
  first: Loaded<Page> & { reload(): void };
} {
  type T = ItemOf<Page>;
  type Cursor = CursorOf<Page>;
  const first = useLoaded(() => load(undefined), keys);
  const [more, setMore] = useState<{ after: Page; items: T[]; nextCursor: Cursor | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<ApiFailure>();
  const extra = more !== undefined && more.after === first.value ? more : undefined;
  const items = [...((first.value?.items ?? []) as T[]), ...(extra?.items ?? [])];
  const nextCursor = extra === undefined ? ((first.value?.nextCursor ?? null) as Cursor | null) : extra.nextCursor;

  async function loadMore(after: Page, cursor: Cursor) {
    setLoadingMore(true);
    setMoreFailure(undefined);
    try {
      const next = await load(cursor);
      setMore({ after, items: [...(extra?.items ?? []), ...(next.items as T[])], nextCursor: next.nextCursor as Cursor | null });
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setMoreFailure(error.failure);
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    first,
    items,
    nextCursor,
    loadingMore,
    moreFailure,
    showMore() {
      if (nextCursor === null || loadingMore || first.value === undefined) return;
      void loadMore(first.value, nextCursor);
    },
  };
}
