import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Loaded } from '../../../ui-kit/hooks/use-loaded.ts';

interface RecordPageHeaderProps {
  title: string;
  /** The record's state in its machine, once loaded: its key (for tests and styles) and its label. */
  state: { key: string; label: string } | undefined;
  /** The record's own read: until it has a value, its failure or "loading" shows under the heading. */
  loaded: Loaded<unknown>;
  loadFailed: 'customer.loadFailed' | 'lead.loadFailed';
}

/** The top of a record's page (a customer's 360°, a lead): its name, its state as a badge, and how its read went. */
export function RecordPageHeader({ title, state, loaded, loadFailed }: RecordPageHeaderProps) {
  const { t } = useI18n();
  return (
    <>
      <header className="page-header customer-header">
        <h1 tabIndex={-1}>{title}</h1>
        {state !== undefined && (
          <p className="stage-badge" data-stage={state.key}>
            {state.label}
          </p>
        )}
      </header>
      {loaded.status === 'failed' && loaded.value === undefined && (
        <p className="form-error" role="alert">
          {t(loadFailed, { reason: failureMessage(loaded.failure, t) })}
        </p>
      )}
      {loaded.status === 'loading' && loaded.value === undefined && <p role="status">{t('app.loading')}</p>}
    </>
  );
}
