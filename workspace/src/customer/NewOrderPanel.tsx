import { useState } from 'react';
import { createOrder, type Opportunity } from '../api/customers.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { CreatePanel } from './CreatePanel.tsx';
import { emptyLine, newOrderBody, orderTotal, type NewOrderValues, type OrderLineInput } from './new-order.ts';

const lineColumns = ['product', 'quantity', 'unitPrice'] as const;
const maxLines = 200;

/**
 * 新建订单 under the customer: lines (product, quantity, unit price) with the total as they add up, the payment due
 * day, the opportunity it comes from, a note. The server computes the stored amount from the lines.
 */
export function NewOrderPanel({ customerId, opportunities, onCreated }: { customerId: number; opportunities: readonly Opportunity[]; onCreated(): void }) {
  const { api, format } = useSession();
  const { t } = useI18n();
  const blank: NewOrderValues = { lines: [{ ...emptyLine }], dueOn: '', opportunityId: '', note: '' };
  const [values, setValues] = useState<NewOrderValues>(blank);
  // Cells first: a problem at /lines/0/quantity belongs to that cell, not to the lines as a whole.
  const fields = [
    ...values.lines.flatMap((_, index) => lineColumns.map((column) => `lines/${index}/${column}` as const)),
    'lines',
    'dueOn',
    'opportunityId',
    'note',
  ];

  async function submit() {
    await createOrder(api, customerId, newOrderBody(values));
    setValues(blank);
  }

  const setLine = (index: number, line: OrderLineInput) => setValues({ ...values, lines: values.lines.map((old, at) => (at === index ? line : old)) });
  const columnLabel = { product: t('order.product'), quantity: t('order.quantity'), unitPrice: t('order.unitPrice') };

  return (
    <CreatePanel
      openLabel={t('order.new')}
      title={t('order.new')}
      submitLabel={t('order.create')}
      doneText={t('order.created')}
      fields={fields}
      submit={submit}
      onCreated={onCreated}
    >
      {(form) => (
        <>
          <table className="order-lines">
            <thead>
              <tr>
                {lineColumns.map((column) => (
                  <th scope="col" key={column}>
                    {columnLabel[column]}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('order.removeLine')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {values.lines.map((line, index) => (
                <tr key={index}>
                  {lineColumns.map((column) => {
                    const field = `lines/${index}/${column}` as const;
                    return (
                      <td key={column}>
                        <input
                          id={`${form.id}-${index}-${column}`}
                          aria-label={t('order.lineCell', { column: columnLabel[column], line: index + 1 })}
                          type={column === 'product' ? 'text' : 'number'}
                          step={column === 'product' ? undefined : '0.01'}
                          autoFocus={index === 0 && column === 'product'}
                          value={line[column]}
                          aria-invalid={form.problem(field) !== undefined}
                          aria-describedby={form.describedBy(field)}
                          onChange={(event) => setLine(index, { ...line, [column]: event.target.value })}
                        />
                        {form.error(field)}
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      disabled={values.lines.length === 1}
                      aria-label={t('order.removeLineNumbered', { line: index + 1 })}
                      onClick={() => setValues({ ...values, lines: values.lines.filter((_, at) => at !== index) })}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {form.error('lines')}
          <p className="order-total">
            <button type="button" disabled={values.lines.length >= maxLines} onClick={() => setValues({ ...values, lines: [...values.lines, { ...emptyLine }] })}>
              {t('order.addLine')}
            </button>{' '}
            <span role="status">{t('order.total', { total: format.money(orderTotal(values.lines), 'CNY') })}</span>
          </p>
          <div className="field">
            <label htmlFor={`${form.id}-dueOn`}>{t('record.due')}</label>
            <input
              id={`${form.id}-dueOn`}
              type="date"
              value={values.dueOn}
              aria-invalid={form.problem('dueOn') !== undefined}
              aria-describedby={form.describedBy('dueOn')}
              onChange={(event) => setValues({ ...values, dueOn: event.target.value })}
            />
            {form.error('dueOn')}
          </div>
          {opportunities.length > 0 && (
            <div className="field">
              <label htmlFor={`${form.id}-opportunityId`}>{t('order.fromOpportunity')}</label>
              <select
                id={`${form.id}-opportunityId`}
                value={values.opportunityId}
                aria-invalid={form.problem('opportunityId') !== undefined}
                aria-describedby={form.describedBy('opportunityId')}
                onChange={(event) => setValues({ ...values, opportunityId: event.target.value })}
              >
                <option value="">{t('common.none')}</option>
                {opportunities.map((opportunity) => (
                  <option key={opportunity.id} value={opportunity.id}>
                    {opportunity.name}
                  </option>
                ))}
              </select>
              {form.error('opportunityId')}
            </div>
          )}
          <div className="field">
            <label htmlFor={`${form.id}-note`}>{t('order.note')}</label>
            <textarea id={`${form.id}-note`} rows={2} maxLength={4000} value={values.note} onChange={(event) => setValues({ ...values, note: event.target.value })} />
            {form.error('note')}
          </div>
        </>
      )}
    </CreatePanel>
  );
}
