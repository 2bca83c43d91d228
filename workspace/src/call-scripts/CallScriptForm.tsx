import { useId, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const scriptFields = ['title', 'body'] as const;
type ScriptField = (typeof scriptFields)[number];
export interface ScriptText {
  title: string;
  body: string;
}
const noProblems: FormProblems<ScriptField> = { byField: {}, general: [] };

/** A call script's title and body, new or being changed; the API's problems show beside the field they name. */
export function CallScriptForm({ initial, onSave, onCancel }: { initial: ScriptText; onSave(text: ScriptText): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState(noProblems);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await onSave(draft);
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setProblems(problemsOfFailure(error.failure, scriptFields, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="call-script-form" onSubmit={(event) => void save(event)} noValidate aria-busy={saving}>
      {problems.general.map((message) => (
        <p key={message} className="form-error" role="alert">
          {message}
        </p>
      ))}
      {scriptFields.map((field) => {
        const messages = problems.byField[field];
        const common = {
          id: `${id}-${field}`,
          name: field,
          value: draft[field],
          'aria-invalid': messages !== undefined,
          ...(messages === undefined ? {} : { 'aria-describedby': `${id}-${field}-error` }),
        };
        return (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{t(field === 'title' ? 'scripts.new.title' : 'scripts.new.body')}</label>
            {field === 'title' ? (
              <input {...common} maxLength={200} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
            ) : (
              <textarea {...common} rows={4} onChange={(event) => setDraft({ ...draft, body: event.target.value })} />
            )}
            {messages !== undefined && (
              <p className="field-error" id={`${id}-${field}-error`} role="alert">
                {messages.join(' ')}
              </p>
            )}
          </div>
        );
      })}
      <div className="dialog-actions">
        <button type="submit" disabled={saving}>
          {t('scripts.new.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
