import { useId, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { createLead, leadSources, type NewLead } from '../api/leads.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';

type LeadField = 'name' | 'company' | 'phone' | 'email' | 'region' | 'source';
const textFields: readonly Exclude<LeadField, 'source'>[] = ['name', 'company', 'phone', 'email', 'region'];
const leadFields: readonly LeadField[] = [...textFields, 'source'];
const noProblems: FormProblems<LeadField> = { byField: {}, general: [] };

/**
 * A lead entered by hand: saved, deduplicated against leads and customers and routed by the published policy in one
 * request; the answer says who it went to and why. A duplicate or a bad value shows by the field it concerns.
 */
export function NewLeadForm({ onCreated, onClose }: { onCreated(): void; onClose(): void }) {
  const { api } = useSession();
  const { locale, t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<Record<LeadField, string>>({ name: '', company: '', phone: '', email: '', region: '', source: 'coldCall' });
  const [problems, setProblems] = useState(noProblems);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<string>();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblems(noProblems);
    setCreated(undefined);
    const lead: NewLead = { name: values.name.trim(), source: values.source };
    for (const field of textFields.slice(1)) if (values[field].trim() !== '') lead[field] = values[field].trim();
    try {
      const saved = await createLead(api, lead);
      setCreated(t('leads.form.created', { name: saved.name ?? `#${saved.id}`, summary: saved.assignment?.summary[locale] ?? t('ownership.pool') }));
      setValues({ ...values, name: '', company: '', phone: '', email: '' });
      onCreated();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setProblems(problemsOfFailure(error.failure, leadFields, t));
    } finally {
      setSaving(false);
    }
  }

  const errorOf = (field: LeadField) => problems.byField[field];
  const fieldProps = (field: LeadField) => ({
    id: `${id}-${field}`,
    name: field,
    'aria-invalid': errorOf(field) !== undefined,
    'aria-describedby': errorOf(field) === undefined ? undefined : `${id}-${field}-error`,
  });
  const fieldError = (field: LeadField) =>
    errorOf(field) !== undefined && (
      <p className="field-error" id={`${id}-${field}-error`} role="alert">
        {errorOf(field)!.join(' ')}
      </p>
    );

  return (
    <form className="new-lead-form" onSubmit={save} noValidate aria-busy={saving} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('leads.form.title')}</h2>
      {problems.general.length > 0 && (
        <div className="form-error" role="alert">
          {problems.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {textFields.map((field, index) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(`lead.field.${field}`)}</label>
          <input
            {...fieldProps(field)}
            autoFocus={index === 0}
            required={field === 'name'}
            maxLength={200}
            type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
          {fieldError(field)}
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('lead.field.source')}</label>
        <select {...fieldProps('source')} value={values.source} onChange={(event) => setValues({ ...values, source: event.target.value })}>
          {leadSources.map((source) => (
            <option key={source} value={source}>
              {t(`lead.source.${source}`)}
            </option>
          ))}
        </select>
        {fieldError('source')}
      </div>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t(saving ? 'leads.form.saving' : 'leads.form.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {created !== undefined && (
        <p className="notice" role="status">
          {created}
        </p>
      )}
    </form>
  );
}
