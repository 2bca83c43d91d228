import { useState } from 'react';
import { createOpportunity } from '../api/customers.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { CreatePanel } from './CreatePanel.tsx';

type Field = 'name' | 'amount' | 'expectedCloseOn';
const fields: readonly Field[] = ['name', 'amount', 'expectedCloseOn'];

/** 新建商机 under the customer: a name, the amount hoped for and when it should close; the funnel's first stage. */
export function NewOpportunityPanel({ customerId, onCreated }: { customerId: number; onCreated(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', amount: '', expectedCloseOn: '' });

  async function submit() {
    await createOpportunity(api, customerId, {
      name: values.name.trim(),
      ...(values.amount.trim() === '' ? {} : { amount: Number.isFinite(Number(values.amount)) ? Number(values.amount) : values.amount }),
      ...(values.expectedCloseOn === '' ? {} : { expectedCloseOn: values.expectedCloseOn }),
    });
    setValues({ name: '', amount: '', expectedCloseOn: '' });
  }

  return (
    <CreatePanel
      openLabel={t('opportunity.new')}
      title={t('opportunity.new')}
      submitLabel={t('opportunity.create')}
      doneText={t('opportunity.created')}
      fields={fields}
      submit={submit}
      onCreated={onCreated}
    >
      {(form) =>
        (
          [
            ['name', t('record.name'), 'text'],
            ['amount', t('record.amount'), 'number'],
            ['expectedCloseOn', t('record.expectedClose'), 'date'],
          ] as const
        ).map(([field, label, type]) => (
          <div className="field" key={field}>
            <label htmlFor={`${form.id}-${field}`}>{label}</label>
            <input
              id={`${form.id}-${field}`}
              name={field}
              type={type}
              step={type === 'number' ? '0.01' : undefined}
              autoFocus={field === 'name'}
              value={values[field]}
              aria-invalid={form.problem(field) !== undefined}
              aria-describedby={form.describedBy(field)}
              onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            />
            {form.error(field)}
          </div>
        ))
      }
    </CreatePanel>
  );
}
