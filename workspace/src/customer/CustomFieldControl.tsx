import type { CustomField } from '../api/fields.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { optionsOf, type CustomFieldInput } from './custom-fields.ts';

interface CustomFieldControlProps {
  /** The id prefix of the form, so labels, hints and errors pair up. */
  formId: string;
  field: CustomField;
  values: Readonly<Record<string, CustomFieldInput>>;
  problems: readonly string[] | undefined;
  onChange(value: CustomFieldInput): void;
}

/**
 * One custom field on a form, as its definition asks: a dropdown (several choices for a multiple one, the parent's
 * options for a cascading one), a number with its limits and unit, a date, a long text, a phone, an email or a URL.
 * The browser does no checking of its own (the form is `noValidate`): the API's problem, shown by the field, decides.
 */
export function CustomFieldControl({ formId, field, values, problems, onChange }: CustomFieldControlProps) {
  const { locale, t } = useI18n();
  const id = `${formId}-cf-${field.key}`;
  const value = values[field.key] ?? '';
  const hint = field.unit?.[locale] ?? field.description?.[locale];
  const described = problems !== undefined ? `${id}-error` : hint === undefined ? undefined : `${id}-hint`;
  const common = { id, name: `customFields.${field.key}`, 'aria-invalid': problems !== undefined, 'aria-describedby': described };

  let control;
  if (field.type === 'dropdown') {
    const options = optionsOf(field, values);
    control =
      field.multiple === true ? (
        <select {...common} multiple value={Array.isArray(value) ? value : []} onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value))}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label[locale]}
            </option>
          ))}
        </select>
      ) : (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('common.none')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label[locale]}
            </option>
          ))}
        </select>
      );
  } else if (field.type === 'text' && field.multiline === true) {
    control = <textarea {...common} rows={3} maxLength={field.maxLength} value={String(value)} onChange={(event) => onChange(event.target.value)} />;
  } else {
    const type = { number: 'number', date: 'date', phone: 'tel', email: 'email', text: field.format === 'url' ? 'url' : 'text', autoNumber: 'text' }[field.type];
    const step = field.type === 'number' ? (field.decimals === undefined ? 'any' : String(10 ** -field.decimals)) : undefined;
    control = (
      <input
        {...common}
        type={type}
        step={step}
        min={field.minimum}
        max={field.maximum}
        maxLength={field.maxLength}
        value={String(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  return (
    <div className="field" data-field={field.key}>
      <label htmlFor={id}>{field.label[locale]}</label>
      {control}
      {hint !== undefined && problems === undefined && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problems !== undefined && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}
