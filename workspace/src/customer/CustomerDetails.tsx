import { useId, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { updateCustomer, type Customer, type CustomerChanges, type EditRights } from '../api/customers.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import type { CustomField } from '../api/fields.ts';
import { CustomFieldControl } from './CustomFieldControl.tsx';
import { cascadeValues, customFieldChanges, customFieldInputs, customFieldText, editable, type CustomFieldInput } from './custom-fields.ts';
import { CustomerSummary } from './CustomerSummary.tsx';
import { customerChanges, customerFormFields, formValuesOf, type CustomerFormField, type CustomerFormValues } from './customer-form.ts';

type FormField = CustomerFormField | `customFields/${string}`;
const noProblems: FormProblems<FormField> = { byField: {}, general: [] };

/**
 * The customer's details, and a form to change them. The server decides what the role may change in this stage
 * (its permission table and editableFields): a refusal shows by the field it names, a change made meanwhile by
 * someone else (409 stale-version) offers to reload instead of overwriting it.
 */
interface CustomerDetailsProps {
  customer: Customer;
  /** The customer's custom fields the caller may see (GET /api/fields/customer), in their order. */
  fields: readonly CustomField[];
  /** What the caller may change now; until it is known, nothing is offered. */
  editable: EditRights | undefined;
  onSaved(customer: Customer): void;
  onReload(): void;
}

export function CustomerDetails({ customer, fields, editable: rights, onSaved, onReload }: CustomerDetailsProps) {
  const { api, format, personName } = useSession();
  const { locale, t } = useI18n();
  const [customInputs, setCustomInputs] = useState<Record<string, CustomFieldInput>>({});
  const mayChange = (key: string) => rights?.fields.includes(key) === true;
  const formFields = fields.filter((field) => editable(field) && mayChange(field.key));
  const id = useId();
  const [editing, setEditing] = useState<CustomerFormValues>();
  const [problems, setProblems] = useState(noProblems);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (editing === undefined || saving) return;
    const changes: CustomerChanges = customerChanges(customer, editing);
    const customFields = customFieldChanges(formFields, customer.customFields, customInputs);
    if (Object.keys(customFields).length > 0) changes.customFields = customFields;
    if (Object.keys(changes).length === 0) {
      setEditing(undefined);
      return;
    }
    setSaving(true);
    setProblems(noProblems);
    try {
      const next = await updateCustomer(api, customer, changes);
      setEditing(undefined);
      onSaved(next);
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      if (isApiFailure(error, 'stale-version')) setStale(true);
      setProblems(problemsOfFailure<FormField>(error.failure, [...customerFormFields, ...fields.map((field) => `customFields/${field.key}` as const)], t));
    } finally {
      setSaving(false);
    }
  }

  if (editing === undefined) {
    return (
      <div className="customer-details">
        <CustomerSummary customer={customer} />
        <dl className="facts">
          <div>
            <dt>{t('customer.field.owners')}</dt>
            <dd data-field="owners">
              {customer.owners.length === 0
                ? t('ownership.pool')
                : customer.owners
                    .map((owner) => t(owner.role === 'collaborator' ? 'owner.collaborator' : 'owner.primary', { name: personName(owner.userId) }))
                    .join(t('common.listSeparator'))}
            </dd>
          </div>
          <div>
            <dt>{t('customer.field.keywords')}</dt>
            <dd>{(customer.keywords ?? []).filter(Boolean).join(', ') || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('customer.field.contractEndsOn')}</dt>
            <dd>{customer.contractEndsOn ?? t('common.none')}</dd>
          </div>
          {fields.map((field) => (
            <div key={field.key}>
              <dt>{field.label[locale]}</dt>
              <dd data-field={field.key}>{customFieldText(field, customer.customFields[field.key], locale, format.count) ?? t('common.none')}</dd>
            </div>
          ))}
        </dl>
        {rights !== undefined && rights.fields.length > 0 && (
          <button
            type="button"
            onClick={() => {
              setStale(false);
              setProblems(noProblems);
              setEditing(formValuesOf(customer));
              setCustomInputs(customFieldInputs(formFields, customer.customFields));
            }}
          >
            {t('customer.edit')}
          </button>
        )}
        {rights?.refusal !== undefined && <p className="hint">{t(`customer.readOnly.${rights.refusal}`)}</p>}
      </div>
    );
  }

  const input = (field: CustomerFormField, label: string, type: 'text' | 'tel' | 'date', hint?: string) => {
    const messages = problems.byField[field];
    const errorId = `${id}-${field}-error`;
    return (
      <div className="field" key={field}>
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          name={field}
          type={type}
          value={editing[field]}
          aria-invalid={messages !== undefined}
          aria-describedby={messages === undefined ? (hint === undefined ? undefined : `${id}-${field}-hint`) : errorId}
          onChange={(event) => setEditing({ ...editing, [field]: event.target.value })}
        />
        {hint !== undefined && (
          <p className="hint" id={`${id}-${field}-hint`}>
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
    <form className="customer-form" onSubmit={save} noValidate aria-busy={saving}>
      {stale && (
        <div className="form-error" role="alert">
          <p>{t('customer.stale')}</p>
          <button
            type="button"
            onClick={() => {
              setEditing(undefined);
              setStale(false);
              setProblems(noProblems);
              onReload();
            }}
          >
            {t('customer.reload')}
          </button>
        </div>
      )}
      {!stale && problems.general.length > 0 && (
        <div className="form-error" role="alert">
          {problems.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {mayChange('name') && input('name', t('customer.field.name'), 'text')}
      {mayChange('phone') && input('phone', t('customer.field.phone'), 'tel')}
      {mayChange('keywords') && input('keywords', t('customer.field.keywords'), 'text', t('customer.keywordsHint'))}
      {mayChange('contractEndsOn') && input('contractEndsOn', t('customer.field.contractEndsOn'), 'date')}
      {formFields.map((field) => (
        <CustomFieldControl
          key={field.key}
          formId={id}
          field={field}
          values={cascadeValues(customer.customFields, customInputs)}
          problems={problems.byField[`customFields/${field.key}`]}
          onChange={(value) => setCustomInputs({ ...customInputs, [field.key]: value })}
        />
      ))}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t(saving ? 'customer.saving' : 'customer.save')}
        </button>
        <button type="button" onClick={() => setEditing(undefined)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
