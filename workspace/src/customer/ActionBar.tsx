import { useState } from 'react';
import { isApiFailure } from '../api/api-failure.ts';
import { fireCustomerEvent, type Customer, type RecordAction } from '../api/customers.ts';
import { failureMessage } from '../api/failure-message.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { actionButtons } from './action-bar.ts';

interface ActionBarProps {
  customer: Pick<Customer, 'id' | 'version'>;
  actions: readonly RecordAction[];
  onFired(): void;
}

/**
 * The buttons of the customer's stage exactly as GET …/actions gives them; pressing one sends its event with the
 * version on screen, and the page reloads whatever the answer (a refusal may mean the customer moved meanwhile).
 */
export function ActionBar({ customer, actions, onFired }: ActionBarProps) {
  const { api, stageName } = useSession();
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string }>();
  const buttons = actionButtons(actions, locale);

  async function fire(event: string, label: string) {
    if (busy !== undefined) return;
    setBusy(event);
    setOutcome(undefined);
    try {
      const fired = await fireCustomerEvent(api, customer, event);
      setOutcome({ kind: 'done', text: t('customer.actionDone', { action: label, stage: stageName(fired.to) }) });
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setOutcome({ kind: 'failed', text: t('customer.actionFailed', { action: label, reason: failureMessage(error.failure, t) }) });
    } finally {
      setBusy(undefined);
      onFired();
    }
  }

  return (
    <div className="action-bar" role="toolbar" aria-label={t('customer.actions')}>
      {buttons.length === 0 && <p className="hint">{t('customer.noActions')}</p>}
      {buttons.map((button) => (
        <button
          type="button"
          key={button.event}
          data-event={button.event}
          disabled={button.disabled || busy !== undefined}
          title={button.why ?? (button.leadsTo === undefined ? undefined : t('customer.leadsTo', { stage: button.leadsTo }))}
          onClick={() => void fire(button.event, button.label)}
        >
          {button.label}
        </button>
      ))}
      {outcome !== undefined && (
        <p className={outcome.kind === 'done' ? 'notice' : 'form-error'} role={outcome.kind === 'done' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
