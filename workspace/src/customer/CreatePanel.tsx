import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** What a create form's fields need from the panel: ids that pair labels and errors, and the API's words per field. */
export interface CreateFormParts<Field extends string> {
  id: string;
  /** The messages the API's problem gave for the field (its JSON path), if any. */
  problem(field: Field): string[] | undefined;
  /** `aria-describedby` for the field's input: its error when it has one. */
  describedBy(field: Field): string | undefined;
  /** The error under the field, when it has one. */
  error(field: Field): ReactNode;
}

interface CreatePanelProps<Field extends string> {
  openLabel: string;
  title: string;
  submitLabel: string;
  doneText: string;
  /** The fields by their JSON paths without the leading slash (`name`, `lines/0/quantity`). */
  fields: readonly Field[];
  /** Sends the form; an ApiError's problem is shown by the fields it names. */
  submit(): Promise<void>;
  onCreated(): void;
  children(parts: CreateFormParts<Field>): ReactNode;
}

/**
 * A "New …" button that opens a small form under a record section: it sends, shows the server's refusal beside the
 * field its path names (the rest above the form), and closes with a note once the record exists.
 */
export function CreatePanel<Field extends string>({ openLabel, title, submitLabel, doneText, fields, submit, onCreated, children }: CreatePanelProps<Field>) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [problems, setProblems] = useState<FormProblems<Field>>({ byField: {}, general: [] });

  async function send(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblems({ byField: {}, general: [] });
    try {
      await submit();
      setOpen(false);
      setDone(true);
      onCreated();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setProblems(problemsOfFailure(error.failure, fields, t));
    } finally {
      setSaving(false);
    }
  }

  if (!open) {
    return (
      <div className="create-panel">
        <button
          type="button"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {openLabel}
        </button>
        {done && (
          <p className="notice" role="status">
            {doneText}
          </p>
        )}
      </div>
    );
  }

  const errorId = (field: Field) => `${id}-${field.replaceAll('/', '-')}-error`;
  const parts: CreateFormParts<Field> = {
    id,
    problem: (field) => problems.byField[field],
    describedBy: (field) => (problems.byField[field] === undefined ? undefined : errorId(field)),
    error: (field) =>
      problems.byField[field] !== undefined && (
        <p className="field-error" id={errorId(field)} role="alert">
          {problems.byField[field]!.join(' ')}
        </p>
      ),
  };
  return (
    <form className="create-panel create-form" onSubmit={send} noValidate aria-busy={saving} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {problems.general.length > 0 && (
        <div className="form-error" role="alert">
          {problems.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {children(parts)}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('customer.saving') : submitLabel}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
