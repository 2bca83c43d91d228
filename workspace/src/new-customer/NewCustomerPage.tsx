import { useEffect, useId, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { checkCustomerDuplicates, createCustomer, type DuplicateMatch } from '../api/customers.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { fetchCustomFields } from '../api/fields.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { CustomFieldControl } from '../customer/CustomFieldControl.tsx';
import { cascadeValues, editable } from '../customer/custom-fields.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { stageLabel } from '../i18n/stage-label.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { navigate } from '../../../ui-kit/routing/address-bar.ts';
import { useSession } from '../shell/session-context.ts';
import { duplicateNotes, newCustomerBody, type DuplicateNote, type NewCustomerValues } from './new-customer-form.ts';

type Field = 'name' | 'phone' | 'keywords' | 'stage' | 'ownership' | `customFields/${string}`;
const noProblems: FormProblems<Field> = { byField: {}, general: [] };
const emptyValues: NewCustomerValues = { name: '', phone: '', keywords: '', stage: '', ownership: 'personal', custom: {} };
const checkAfterMs = 300;

/**
 * 新建客户: name, phone, keywords, the stage to start in, mine or the pool, and the custom fields the role may write.
 * While the person types, the duplicate check says which existing customer the name, phone or a keyword already
 * belongs to (named only when they may see it) — first entered wins, so they can open it instead of typing on.
 */
export function NewCustomerPage({ onCreated }: { onCreated(): void }) {
  const { api, stages } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('nav.newCustomer'));
  const id = useId();
  const fields = useLoaded(() => fetchCustomFields(api, 'customer'), [api]);
  const [values, setValues] = useState(emptyValues);
  const [problems, setProblems] = useState(noProblems);
  const [saving, setSaving] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const formFields = (fields.value ?? []).filter(editable);

  // The check runs a moment after typing stops; an answer for values since changed is dropped.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      checkCustomerDuplicates(api, { name: values.name, phone: values.phone, keywords: values.keywords }).then(
        (answer) => current && setDuplicates(answer.matches),
        (error: unknown) => {
          if (!isApiFailure(error)) throw error;
        },
      );
    }, checkAfterMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, values.name, values.phone, values.keywords]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblems(noProblems);
    try {
      const created = await createCustomer(api, newCustomerBody(values, formFields));
      onCreated();
      navigate(pathOf({ page: 'customer', id: created.id }));
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      const fieldNames: Field[] = ['name', 'phone', 'keywords', 'stage', 'ownership', ...formFields.map((field) => `customFields/${field.key}` as const)];
      setProblems(problemsOfFailure(error.failure, fieldNames, t));
    } finally {
      setSaving(false);
    }
  }

  const notes = duplicateNotes(duplicates);
  const errorId = (field: Field) => `${id}-${field}-error`;
  const noteId = (field: Field) => `${id}-${field}-duplicate`;
  const describedBy = (field: Field) =>
    [problems.byField[field] === undefined ? undefined : errorId(field), notes.some((note) => note.field === field) ? noteId(field) : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const fieldError = (field: Field) =>
    problems.byField[field] !== undefined && (
      <p className="field-error" id={errorId(field)} role="alert">
        {problems.byField[field]!.join(' ')}
      </p>
    );
  const duplicateNote = (field: 'name' | 'phone' | 'keywords') => {
    const mine = notes.filter((note) => note.field === field);
    if (mine.length === 0) return null;
    return (
      <div className="duplicate-note" id={noteId(field)} role="status" data-duplicate={field}>
        {mine.map((note, index) => (
          <p key={index}>
            <DuplicateSentence note={note} />
          </p>
        ))}
      </div>
    );
  };
  const text = (field: 'name' | 'phone' | 'keywords', label: string, type: 'text' | 'tel', hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        name={field}
        type={type}
        autoFocus={field === 'name'}
        required={field === 'name'}
        maxLength={200}
        value={values[field]}
        aria-invalid={problems.byField[field] !== undefined}
        aria-describedby={describedBy(field)}
        onChange={(event) => setValues({ ...values, [field]: event.target.value })}
      />
      {hint !== undefined && <p className="hint">{hint}</p>}
      {duplicateNote(field)}
      {fieldError(field)}
    </div>
  );

  return (
    <section className="page new-customer-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('nav.newCustomer')}</h1>
        <p className="hint">{t('newCustomer.description')}</p>
      </header>
      <form className="customer-form new-customer-form" onSubmit={save} noValidate aria-busy={saving}>
        {problems.general.length > 0 && (
          <div className="form-error" role="alert">
            {problems.general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        {text('name', t('customer.field.name'), 'text')}
        {text('phone', t('customer.field.phone'), 'tel')}
        {text('keywords', t('customer.field.keywords'), 'text', t('customer.keywordsHint'))}
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t('customer.field.stage')}</label>
          <select
            id={`${id}-stage`}
            name="stage"
            value={values.stage}
            aria-invalid={problems.byField.stage !== undefined}
            aria-describedby={describedBy('stage')}
            onChange={(event) => setValues({ ...values, stage: event.target.value })}
          >
            <option value="">{t('newCustomer.initialStage')}</option>
            {stages.map((stage) => (
              <option key={stage.key} value={stage.key}>
                {stageLabel(stage, locale, t)}
              </option>
            ))}
          </select>
          {fieldError('stage')}
        </div>
        <fieldset className="field">
          <legend>{t('customer.field.ownership')}</legend>
          {(['personal', 'pool'] as const).map((ownership) => (
            <label key={ownership}>
              <input
                type="radio"
                name="ownership"
                value={ownership}
                checked={values.ownership === ownership}
                onChange={() => setValues({ ...values, ownership })}
              />{' '}
              {t(ownership === 'personal' ? 'newCustomer.mine' : 'ownership.pool')}
            </label>
          ))}
          {fieldError('ownership')}
        </fieldset>
        {formFields.length > 0 && (
          <details className="new-customer-more" open={formFields.some((field) => field.required === true || problems.byField[`customFields/${field.key}`] !== undefined)}>
            <summary>{t('newCustomer.moreFields')}</summary>
            {formFields.map((field) => (
              <CustomFieldControl
                key={field.key}
                formId={id}
                field={field}
                values={cascadeValues({}, values.custom)}
                problems={problems.byField[`customFields/${field.key}`]}
                onChange={(value) => setValues({ ...values, custom: { ...values.custom, [field.key]: value } })}
              />
            ))}
          </details>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            {t(saving ? 'customer.saving' : 'newCustomer.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "已有同名客户：华联超市（打开）", or that one exists the person may not see. */
function DuplicateSentence({ note }: { note: DuplicateNote }) {
  const { t } = useI18n();
  const what = t(note.field === 'name' ? 'newCustomer.duplicate.name' : note.field === 'phone' ? 'newCustomer.duplicate.phone' : 'newCustomer.duplicate.keyword', {
    keyword: note.keyword ?? '',
  });
  if (note.customer === null) return <>{t('newCustomer.duplicate.unseen', { what })}</>;
  return (
    <>
      {t('newCustomer.duplicate.seen', { what })}{' '}
      <Link href={pathOf({ page: 'customer', id: note.customer.id })}>{note.customer.name ?? `#${note.customer.id}`}</Link>
    </>
  );
}
