import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CallScriptPanel } from '../call-scripts/CallScriptPanel.tsx';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { contactChannels, contactOutcomes, logContact } from '../api/contact-records.ts';
import type { ContactRecord } from '../api/customers.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { contactLogFields, contactRecordBody, emptyContactLog, reminderChoices, type ContactLogField, type ContactLogValues } from './contact-log-form.ts';

const noProblems: FormProblems<ContactLogField> = { byField: {}, general: [] };

interface LogContactDialogProps {
  customer: { id: number; name?: string | undefined; stage?: string };
  onLogged(record: ContactRecord): void;
  onClose(): void;
}

/**
 * 新添联系: channel, outcome, notes, next follow-up and reminder, as a modal dialog the keyboard finishes — Tab
 * through, Ctrl+Enter (or Enter outside the notes) saves, Escape closes. Saving logs the contact; the server tells
 * the customer's machine, so the caller reloads the customer afterwards.
 */
export function LogContactDialog({ customer, onLogged, onClose }: LogContactDialogProps) {
  const { api, me } = useSession();
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<ContactLogValues>(emptyContactLog);
  const [problems, setProblems] = useState(noProblems);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    const built = contactRecordBody(values, me.timeZone);
    if ('problem' in built) {
      setProblems({ byField: { [built.problem]: [t(built.message)] }, general: [] });
      dialog.current?.querySelector<HTMLElement>(`[name="${built.problem}"]`)?.focus();
      return;
    }
    setSaving(true);
    setProblems(noProblems);
    try {
      onLogged(await logContact(api, customer.id, built.body));
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      const next = problemsOfFailure(error.failure, contactLogFields, t);
      setProblems(next);
      setSaving(false);
      const first = contactLogFields.find((field) => next.byField[field] !== undefined);
      if (first !== undefined) dialog.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    }
  }

  const set = <K extends keyof ContactLogValues>(key: K, value: ContactLogValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const field = (name: ContactLogField, label: string, control: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const messages = problems.byField[name];
    const errorId = `${id}-${name}-error`;
    const hintId = `${id}-${name}-hint`;
    const describedBy = [messages === undefined ? undefined : errorId, hint === undefined ? undefined : hintId].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control({ id: `${id}-${name}`, name, 'aria-invalid': messages !== undefined, ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }) })}
        {hint !== undefined && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
        {messages !== undefined && (
          <p className="field-error" id={errorId} role="alert">
            {messages.join(' ')}
          </p>
        )}
      </div>
    );
  };

  return (
    <dialog
      ref={dialog}
      className="log-contact-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={save} noValidate aria-busy={saving}>
        <h2 id={`${id}-title`}>{t('contactLog.title', { name: customer.name ?? `#${customer.id}` })}</h2>
        {problems.general.length > 0 && (
          <div className="form-error" role="alert">
            {problems.general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <div className="field-row">
          {field('channel', t('contactLog.channel'), (props) => (
            <select {...props} autoFocus value={values.channel} onChange={(event) => set('channel', event.target.value as ContactLogValues['channel'])}>
              {contactChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}` as const)}
                </option>
              ))}
            </select>
          ))}
          {field('outcome', t('contactLog.outcome'), (props) => (
            <select {...props} value={values.outcome} onChange={(event) => set('outcome', event.target.value as ContactLogValues['outcome'])}>
              {contactOutcomes.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`outcome.${outcome}` as const)}
                </option>
              ))}
            </select>
          ))}
        </div>
        {field('notes', t('contactLog.notes'), (props) => (
          <textarea
            {...props}
            rows={4}
            value={values.notes}
            onChange={(event) => set('notes', event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
            }}
          />
        ))}
        <div className="field-row">
          {field(
            'nextFollowUpAt',
            t('contactLog.nextFollowUp'),
            (props) => <input {...props} type="datetime-local" value={values.nextFollowUp} onChange={(event) => set('nextFollowUp', event.target.value)} />,
            t('contactLog.timeZone', { zone: me.timeZone }),
          )}
          {field('reminderAt', t('contactLog.reminder'), (props) => (
            <select {...props} value={values.reminder} onChange={(event) => set('reminder', event.target.value as ContactLogValues['reminder'])}>
              {reminderChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`contactLog.reminder.${choice}` as const)}
                </option>
              ))}
            </select>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            {t(saving ? 'contactLog.saving' : 'contactLog.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <CallScriptPanel stage={customer.stage} />
    </dialog>
  );
}
