import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { PagedList } from './use-paged-list.ts';

/** Under a paged list: "Show more" while the API has more, and why the last attempt failed. */
export function ListFooter({ list }: { list: PagedList<unknown, unknown> }) {
  const { t } = useI18n();
  return (
    <>
      {list.moreFailure !== undefined && (
        <p className="form-error" role="alert">
          {failureMessage(list.moreFailure, t)}
        </p>
      )}
      {list.nextCursor !== null && (
        <button type="button" disabled={list.loadingMore} aria-busy={list.loadingMore} onClick={list.showMore}>
          {t('list.more')}
        </button>
      )}
    </>
  );
}
