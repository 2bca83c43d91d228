import type { CSSProperties } from 'react';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { stageLabel } from '../i18n/stage-label.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { navigate } from '../../../ui-kit/routing/address-bar.ts';
import { useSession } from '../shell/session-context.ts';
import { bucketLabels } from './bucket-labels.ts';
import type { WorkQueueState } from './use-work-queue.ts';
import { buildWorkLineGrid } from './work-line-grid.ts';

/**
 * 销售主线: how many customers of each stage are due today, tomorrow, this week, were contacted today or are
 * overdue. A non-zero cell is tinted and opens those customers; "start working" walks the queue.
 */
export function WorkLinePage({ queue, onRetry }: { queue: WorkQueueState; onRetry(): void }) {
  const { format } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('workLine.title'));
  const grid = buildWorkLineGrid(queue.summary.stages);
  // The grid counts only what is due or done today; customers with no follow-up date (targets to develop, reserves
  // to screen) are still in the queue, so a zero grid does not mean an empty walk — the walk says so itself.
  const canStart = queue.status === 'ready' && queue.summary.available;

  return (
    <section className="page work-line-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('workLine.title')}</h1>
        <p className="today">{t('workLine.today', { date: format.longDate(new Date()) })}</p>
      </header>

      {queue.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {queue.status === 'ready' && !queue.summary.available && (
        <p className="notice" role="status">
          {t('workLine.unavailable')}
        </p>
      )}
      {queue.status === 'failed' && (
        <div className="form-error" role="alert">
          <p>{t('workLine.loadFailed', { reason: failureMessage(queue.failure, t) })}</p>
          <button type="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      )}

      <table className="work-line" aria-busy={queue.status === 'loading'}>
        <caption>{t('workLine.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workLine.stage')}</th>
            {grid.buckets.map((bucket) => (
              <th scope="col" key={bucket} data-bucket={bucket}>
                {t(bucketLabels[bucket])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map(({ stage, cells }) => {
            const label = stageLabel(stage, locale, t);
            return (
              <tr key={stage.key} data-stage={stage.key}>
                <th scope="row">
                  <span
                    className="stage-swatch"
                    aria-hidden="true"
                    style={stage.color === undefined ? undefined : ({ '--stage-color': stage.color } as CSSProperties)}
                  />
                  {label}
                </th>
                {cells.map(({ bucket, count, tinted }) => (
                  <td key={bucket} className={tinted ? 'tinted' : undefined} data-bucket={bucket}>
                    {count > 0 ? (
                      <Link
                        href={pathOf({ page: 'stage', stage: stage.key, due: bucket })}
                        aria-label={t('workLine.cell', { stage: label, bucket: t(bucketLabels[bucket]), count })}
                      >
                        {format.count(count)}
                      </Link>
                    ) : (
                      format.count(count)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('workLine.total')}</th>
            {grid.totals.map(({ bucket, count, tinted }) => (
              <td key={bucket} className={tinted ? 'tinted' : undefined} data-bucket={bucket}>
                {format.count(count)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>

      <div className="start-working">
        <button type="button" className="primary" disabled={!canStart} onClick={() => navigate(pathOf({ page: 'queue' }))}>
          {t('workLine.start')}
        </button>
        <p className="hint">{t('workLine.startHint')}</p>
      </div>
    </section>
  );
}
