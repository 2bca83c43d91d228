import { useEffect, useReducer, useRef, useState } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { fetchNextQueueItem, type QueueItem } from '../api/queue-items.ts';
import type { LocalizedText } from '../api/me.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { LogContactDialog } from '../contact-log/LogContactDialog.tsx';
import { CustomerSummary } from '../customer/CustomerSummary.tsx';
import { useLogContactKey } from '../customer/use-log-contact-key.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { isNextKey, positionToAskAfter, startedWalk, walkQueue } from './queue-walk.ts';

const dueMessages: Record<string, MessageKey> = {
  overdue: 'due.overdue',
  today: 'due.today',
  tomorrow: 'due.tomorrow',
  thisWeek: 'due.thisWeek',
  nextWeek: 'due.nextWeek',
  later: 'due.later',
  noDate: 'due.noDate',
};

const entityMessages: Record<string, MessageKey> = {
  customer: 'entity.customer',
  opportunity: 'entity.opportunity',
  order: 'entity.order',
  ticket: 'entity.ticket',
  lead: 'entity.lead',
};

/**
 * "Start working" (正在跟踪…): one queue item at a time — the customer, why it is due now, its section — with Next
 * (N) asking the server for the item after this one, and the contact log (L) beside it.
 */
export function QueuePage({ onWorked }: { onWorked(): void }) {
  const { api, format } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('page.queue.title'));
  const [walk, dispatch] = useReducer(walkQueue, startedWalk);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState(false);
  const itemHeading = useRef<HTMLHeadingElement>(null);
  const sections = useLoaded(
    async () => {
      const body = await api.get<{ sections?: Array<{ id: string; label: LocalizedText }> }>('/api/me/queue?limit=1');
      return new Map((body.sections ?? []).map((section) => [section.id, section.label]));
    },
    [api],
  );

  const after = positionToAskAfter(walk);
  useEffect(() => {
    if (walk.phase !== 'loading') return;
    let current = true;
    fetchNextQueueItem(api, after).then(
      (item) => current && dispatch({ type: 'arrived', item }),
      (error: unknown) => {
        if (!current) return;
        if (!isApiFailure(error)) throw error;
        dispatch({ type: 'failed', failure: error.failure });
      },
    );
    return () => {
      current = false;
    };
  }, [api, walk.phase, after]);

  const itemKey = walk.phase === 'showing' ? walk.current.position : undefined;
  useEffect(() => {
    if (itemKey !== undefined) itemHeading.current?.focus();
    setLogged(false);
  }, [itemKey]);

  useEffect(() => {
    if (logging) return;
    const onKey = (event: KeyboardEvent) => {
      const { key, ctrlKey, metaKey, altKey } = event;
      if (!isNextKey({ key, ctrlKey, metaKey, altKey, target: event.target as HTMLElement | null })) return;
      event.preventDefault();
      dispatch({ type: 'next' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [logging]);
  useLogContactKey(() => setLogging(true), walk.phase === 'showing' && !logging);

  const item: QueueItem | undefined = walk.current;
  const sectionLabel = (id: string) => sections.value?.get(id)?.[locale] ?? id;

  return (
    <section className="page queue-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('page.queue.title')}</h1>
        <p className="hint">
          {t('queue.worked', { count: format.count(walk.worked) })} · {t('queue.nextKey')}
        </p>
      </header>

      {walk.phase === 'loading' && <p role="status">{t('app.loading')}</p>}
      {walk.phase === 'failed' && (
        <p className="form-error" role="alert">
          {t('queue.failed', { reason: failureMessage(walk.failure, t) })}
        </p>
      )}
      {walk.phase === 'finished' && (
        <div className="notice" role="status">
          <p>{walk.worked === 0 ? t('queue.empty') : t('queue.finished', { count: format.count(walk.worked) })}</p>
          <p className="row-actions">
            <button type="button" onClick={() => dispatch({ type: 'restart' })}>
              {t('queue.restart')}
            </button>
            <Link href={pathOf({ page: 'workLine' })}>{t('queue.backToWorkLine')}</Link>
          </p>
        </div>
      )}

      {item !== undefined && walk.phase !== 'finished' && (
        <article className="queue-item" aria-busy={walk.phase === 'loading'} data-customer-id={item.customer.id}>
          <h2 ref={itemHeading} tabIndex={-1}>
            {item.customer.name ?? `#${item.customer.id}`}
          </h2>
          <dl className="facts why-now" aria-label={t('queue.why')}>
            <div>
              <dt>{t('queue.section')}</dt>
              <dd data-section={item.section}>{sectionLabel(item.section)}</dd>
            </div>
            <div>
              <dt>{t('queue.why')}</dt>
              <dd data-bucket={item.due.bucket}>
                {item.due.at === undefined || item.due.at === null
                  ? t(dueMessages[item.due.bucket] ?? 'due.noDate')
                  : t('queue.dueAt', { bucket: t(dueMessages[item.due.bucket] ?? 'due.noDate'), date: format.dateTime(item.due.at) })}
              </dd>
            </div>
            {item.record !== undefined && (
              <div>
                <dt>{t(entityMessages[item.entity] ?? 'entity.customer')}</dt>
                <dd>
                  {t('queue.record', { entity: t(entityMessages[item.entity] ?? 'entity.customer'), title: item.record.title })}
                  {typeof item.record.amount === 'number' ? ` · ${format.money(item.record.amount, 'CNY')}` : ''}
                </dd>
              </div>
            )}
          </dl>
          <CustomerSummary customer={item.customer} />
          {logged && (
            <p className="notice" role="status">
              {t('contactLog.saved')}
            </p>
          )}
          <div className="queue-actions">
            <button type="button" className="primary" aria-keyshortcuts="N" disabled={walk.phase === 'loading'} onClick={() => dispatch({ type: 'next' })}>
              {t('queue.next')} <kbd>N</kbd>
            </button>
            <button type="button" aria-keyshortcuts="L" onClick={() => setLogging(true)}>
              {t('contactLog.open')} <kbd>{t('contactLog.openKey')}</kbd>
            </button>
            <Link href={pathOf({ page: 'customer', id: item.customer.id })}>{t('queue.openCustomer')}</Link>
          </div>
        </article>
      )}
      {logging && item !== undefined && (
        <LogContactDialog
          customer={{ id: item.customer.id, name: item.customer.name, stage: item.customer.stage }}
          onClose={() => setLogging(false)}
          onLogged={() => {
            setLogging(false);
            setLogged(true);
            onWorked();
          }}
        />
      )}
    </section>
  );
}
