import { useId, type FormEvent } from 'react';
import type { ListField } from '../api/list-fields.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { newGroup, newRow, rowOnField, shapeOf, valuesFor, type FilterDraft, type FilterGroup, type FilterRow, type Join } from './filter-draft.ts';
import type { ListQuery } from './use-list-query.ts';

const operatorLabels: Record<string, MessageKey> = {
  equal: 'filters.operator.equal',
  notEqual: 'filters.operator.notEqual',
  lessThan: 'filters.operator.lessThan',
  lessThanInclusive: 'filters.operator.lessThanInclusive',
  greaterThan: 'filters.operator.greaterThan',
  greaterThanInclusive: 'filters.operator.greaterThanInclusive',
  in: 'filters.operator.in',
  notIn: 'filters.operator.notIn',
  includesText: 'filters.operator.includesText',
  excludesText: 'filters.operator.excludesText',
  isEmpty: 'filters.operator.isEmpty',
  isNotEmpty: 'filters.operator.isNotEmpty',
  between: 'filters.operator.between',
};

/**
 * The filter builder: rows of field · operator · value joined by AND or OR, groups one level deep. Operators are
 * those the list offers on the field; a choice is a dropdown of its labels, dates take date inputs, empty / not
 * empty take no value. Enter in any input applies it; the list's problems show under the row they name.
 */
export function FilterBuilder({ query, problems }: { query: ListQuery; problems: Map<number, string[]> }) {
  const { t } = useI18n();
  const id = useId();
  const fields = query.fields.value ?? [];
  const draft = query.draft;
  const first = fields[0];

  const setItems = (items: FilterDraft['items']) => query.setDraft({ ...draft, items });
  const replace = (key: number, next: FilterRow | FilterGroup | undefined) =>
    setItems(draft.items.flatMap((item) => (item.key === key ? (next === undefined ? [] : [next]) : [item])));
  const replaceInGroup = (group: FilterGroup, key: number, next: FilterRow | undefined) => {
    const rows = group.rows.flatMap((row) => (row.key === key ? (next === undefined ? [] : [next]) : [row]));
    replace(group.key, rows.length === 0 ? undefined : { ...group, rows });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    query.apply();
  }

  return (
    <form className="filter-builder" aria-label={t('filters.title')} onSubmit={submit}>
      {!query.editable && <p className="hint">{t('filters.notEditable')}</p>}
      <div className="filter-join">
        <label htmlFor={`${id}-join`}>{t('filters.match')}</label>
        <JoinSelect id={`${id}-join`} value={draft.join} onChange={(join) => query.setDraft({ ...draft, join })} />
      </div>
      <ul className="filter-rows">
        {draft.items.map((item) =>
          item.kind === 'row' ? (
            <li key={item.key}>
              <RowEditor row={item} fields={fields} problems={problems.get(item.key)} onChange={(next) => replace(item.key, next)} />
            </li>
          ) : (
            <li key={item.key}>
              <fieldset className="filter-group">
                <legend>
                  <label htmlFor={`${id}-group-${item.key}`}>{t('filters.group')}</label>{' '}
                  <JoinSelect id={`${id}-group-${item.key}`} value={item.join} onChange={(join) => replace(item.key, { ...item, join })} />
                </legend>
                <ul className="filter-rows">
                  {item.rows.map((row) => (
                    <li key={row.key}>
                      <RowEditor row={row} fields={fields} problems={problems.get(row.key)} onChange={(next) => replaceInGroup(item, row.key, next)} />
                    </li>
                  ))}
                </ul>
                <button type="button" onClick={() => replace(item.key, { ...item, rows: [...item.rows, newRow(first)] })}>
                  {t('filters.addCondition')}
                </button>{' '}
                <button type="button" onClick={() => replace(item.key, undefined)}>
                  {t('filters.removeGroup')}
                </button>
              </fieldset>
            </li>
          ),
        )}
      </ul>
      <div className="filter-actions">
        <button type="button" disabled={first === undefined} onClick={() => setItems([...draft.items, newRow(first)])}>
          {t('filters.addCondition')}
        </button>
        <button type="button" disabled={first === undefined} onClick={() => setItems([...draft.items, newGroup(first)])}>
          {t('filters.addGroup')}
        </button>
        <button type="submit" className="primary">
          {t('filters.apply')}
        </button>
        <button type="button" onClick={query.clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}

function JoinSelect({ id, value, onChange }: { id: string; value: Join; onChange(join: Join): void }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value as Join)}>
      <option value="all">{t('filters.join.all')}</option>
      <option value="any">{t('filters.join.any')}</option>
    </select>
  );
}

function RowEditor({ row, fields, problems, onChange }: { row: FilterRow; fields: ListField[]; problems: string[] | undefined; onChange(row: FilterRow | undefined): void }) {
  const { locale, t } = useI18n();
  const field = fields.find((candidate) => candidate.name === row.fact);
  const shape = shapeOf(field, row.operator);
  const setValue = (index: number, value: string) => onChange({ ...row, values: row.values.map((old, at) => (at === index ? value : old)) });
  const inputType = field?.type === 'number' ? 'number' : field?.type === 'date' || field?.type === 'datetime' ? 'date' : 'text';

  function valueInput(index: number, label: string) {
    const value = row.values[index] ?? '';
    if (field?.options !== undefined) {
      return (
        <select aria-label={label} value={value} onChange={(event) => setValue(index, event.target.value)}>
          <option value="">{t('filters.choose')}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>{option.label[locale]}</option>
          ))}
        </select>
      );
    }
    if (field?.type === 'boolean') {
      return (
        <select aria-label={label} value={value} onChange={(event) => setValue(index, event.target.value)}>
          <option value="">{t('filters.choose')}</option>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </select>
      );
    }
    return <input aria-label={label} type={inputType} value={value} onChange={(event) => setValue(index, event.target.value)} />;
  }

  const valueLabel = t('filters.value');
  return (
    <div className={problems === undefined ? 'filter-row' : 'filter-row invalid'} data-fact={row.fact}>
      <select
        aria-label={t('filters.field')}
        value={row.fact}
        onChange={(event) => {
          const next = fields.find((candidate) => candidate.name === event.target.value);
          if (next !== undefined) onChange(rowOnField(row, next));
        }}
      >
        {field === undefined && <option value={row.fact}>{row.fact === '' ? t('filters.choose') : row.fact}</option>}
        {fields.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>{candidate.label[locale]}</option>
        ))}
      </select>
      <select
        aria-label={t('filters.operator')}
        value={row.operator}
        onChange={(event) => onChange({ ...row, operator: event.target.value, values: valuesFor(shapeOf(field, event.target.value), row.values) })}
      >
        {(field?.operators ?? [row.operator]).map((operator) => (
          <option key={operator} value={operator}>{operatorLabels[operator] === undefined ? operator : t(operatorLabels[operator])}</option>
        ))}
      </select>
      {shape === 'single' && valueInput(0, valueLabel)}
      {shape === 'pair' && (
        <>
          {valueInput(0, t('filters.from'))}
          <span aria-hidden="true">–</span>
          {valueInput(1, t('filters.to'))}
        </>
      )}
      {shape === 'list' &&
        (field?.options !== undefined ? (
          <select
            multiple
            aria-label={valueLabel}
            value={row.values}
            onChange={(event) => onChange({ ...row, values: [...event.target.selectedOptions].map((option) => option.value) })}
          >
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>{option.label[locale]}</option>
            ))}
          </select>
        ) : (
          <input
            aria-label={valueLabel}
            placeholder={t('filters.listHint')}
            value={row.values.join(', ')}
            onChange={(event) => onChange({ ...row, values: event.target.value.split(',').map((part) => part.trim()) })}
          />
        ))}
      <button type="button" aria-label={t('filters.removeCondition')} title={t('filters.removeCondition')} onClick={() => onChange(undefined)}>
        ×
      </button>
      {problems !== undefined && (
        <p className="form-error field-problem" role="alert">
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}
