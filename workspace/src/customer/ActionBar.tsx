import { useId, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import type { FiredEvent, RecordAction } from '../api/customers.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import type { Loaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { actionButtons, payloadNeed, type PayloadAsk } from './action-bar.ts';

interface ActionBarProps {
  /** GET …/actions of the record: its failure shows in place of the buttons. */
  loaded: Loaded<readonly RecordAction[]>;
  /** Sends the event with the version on screen. */
  fire(event: string, payload?: Record<string, string>): Promise<FiredEvent>;
  /** The record's new state in words, for the note after an action. */
  stateName(state: string): string;
  /** That note: which kind of record moved ("the customer is now in …"). */
  doneMessage: 'customer.actionDone' | 'lead.actionDone';
  onFired(): void;
}

interface Asking {
  event: string;
  label: string;
  asks: PayloadAsk[];
}

/**
 * The buttons of a record's state exactly as GET …/actions gives them; pressing one sends its event, and the page
 * reloads whatever the answer (a refusal may mean the record moved meanwhile). When the API answers that the event
 * needs payload fields (a reason), the bar asks for them next to the buttons and sends again.
 */
export function ActionBar({ loaded, fire, stateName, doneMessage, onFired }: ActionBarProps) {
  const { locale, t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState<string>();
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string }>();
  const [asking, setAsking] = useState<Asking>();
  const [payload, setPayload] = useState<Record<string, string>>({});
  const buttons = actionButtons(loaded.value ?? [], locale);

  async function send(event: string, label: string, values?: Record<string, string>): Promise<void> {
    setBusy(event);
    setOutcome(undefined);
    try {
      const fired = await fire(event, values);
      setAsking(undefined);
      setPayload({});
      setOutcome({ kind: 'done', text: t(doneMessage, { action: label, stage: stateName(fired.to) }) });
      onFired();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      const need = error.failure.kind === 'problem' ? payloadNeed(error.failure.problem) : undefined;
      if (need === 'payload' && values === undefined) return send(event, label, {});
      if (Array.isArray(need)) {
        setAsking({ event, label, asks: need });
        return;
      }
      setOutcome({ kind: 'failed', text: t('customer.actionFailed', { action: label, reason: failureMessage(error.failure, t) }) });
      onFired();
    } finally {
      setBusy(undefined);
    }
  }

  function submitPayload(event: FormEvent) {
    event.preventDefault();
    if (asking !== undefined && busy === undefined) void send(asking.event, asking.label, payload);
  }

  if (loaded.status === 'failed') {
    return (
      <p className="form-error" role="alert">
        {failureMessage(loaded.failure, t)}
      </p>
    );
  }
  if (loaded.value === undefined) return null;
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
          onClick={() => {
            if (busy !== undefined) return;
            setAsking(undefined);
            void send(button.event, button.label);
          }}
        >
          {button.label}
        </button>
      ))}
      {asking !== undefined && (
        <form className="action-payload" onSubmit={submitPayload} aria-label={t('actions.payloadFor', { action: asking.label })}>
          {asking.asks.map((ask, index) => (
            <div key={ask.field} className="field">
              <label htmlFor={`${id}-${ask.field}`}>{payloadFieldName(ask.field, t)}</label>
              <input
                id={`${id}-${ask.field}`}
                autoFocus={index === 0}
                required
                maxLength={500}
                aria-invalid="true"
                aria-describedby={`${id}-${ask.field}-error`}
                value={payload[ask.field] ?? ''}
                onChange={(change) => setPayload({ ...payload, [ask.field]: change.target.value })}
              />
              <span className="field-error" role="alert" id={`${id}-${ask.field}-error`}>
                {ask.message}
              </span>
            </div>
          ))}
          <button type="submit" className="primary" disabled={busy !== undefined}>
            {asking.label}
          </button>
          <button type="button" onClick={() => setAsking(undefined)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {outcome !== undefined && (
        <p className={outcome.kind === 'done' ? 'notice' : 'form-error'} role={outcome.kind === 'done' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}

function payloadFieldName(field: string, t: ReturnType<typeof useI18n>['t']): string {
  return field === 'reason' ? t('actions.payload.reason') : field;
}
