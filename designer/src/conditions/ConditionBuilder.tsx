import type { ReactNode } from 'react';
import type { Condition, ConditionLeaf, ConditionOperator } from '../../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../../definitions/fact-catalogue.schema.ts';
import { factByName } from '../../../engine/conditions/catalogue-facts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { describeDraftCondition, leafFor, operatorsForFact, valueShapeOf, withOperator } from './condition-draft.ts';

type Scalar = string | number | boolean | null;

interface BuilderProps {
  condition: Condition;
  catalogue: FactCatalogue;
  onChange(condition: Condition): void;
  label: string;
}

/** The condition builder with the plain words beside it: what the engine will say the condition means. */
export function ConditionBuilder(props: BuilderProps) {
  const { locale, t } = useI18n();
  return (
    <div className="condition-builder">
      <ConditionNode {...props} onRemove={undefined} />
      <p className="condition-words" aria-label={t('condition.words')}>
        {describeDraftCondition(props.condition, props.catalogue, locale)}
      </p>
    </div>
  );
}

function ConditionNode({ condition, catalogue, onChange, onRemove, label }: BuilderProps & { onRemove: (() => void) | undefined }) {
  const { t } = useI18n();
  const remove = onRemove && (
    <button type="button" className="icon" onClick={onRemove} aria-label={t('condition.remove')} title={t('condition.remove')}>
      ×
    </button>
  );
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = 'all' in condition ? condition.all : condition.any;
    const setChildren = (next: Condition[]) => onChange(kind === 'all' ? { all: next } : { any: next });
    return (
      <fieldset className="condition-group">
        <legend>
          <select aria-label={t('condition.groupKind')} value={kind} onChange={(event) => onChange(event.target.value === 'all' ? { all: children } : { any: children })}>
            <option value="all">{t('condition.all')}</option>
            <option value="any">{t('condition.any')}</option>
          </select>
          {remove}
        </legend>
        {children.map((child, index) => (
          <ConditionNode
            key={index}
            label={`${label} ${index + 1}`}
            condition={child}
            catalogue={catalogue}
            onChange={(next) => setChildren(children.map((c, i) => (i === index ? next : c)))}
            onRemove={() => setChildren(children.filter((_c, i) => i !== index))}
          />
        ))}
        <button type="button" onClick={() => setChildren([...children, leafFor(catalogue.facts[0]!)])}>
          {t('condition.addLeaf')}
        </button>
        <button type="button" onClick={() => setChildren([...children, { all: [leafFor(catalogue.facts[0]!)] }])}>
          {t('condition.addGroup')}
        </button>
      </fieldset>
    );
  }
  if ('not' in condition) {
    return (
      <fieldset className="condition-group">
        <legend>
          {t('condition.not')} {remove}
        </legend>
        <ConditionNode label={label} condition={condition.not} catalogue={catalogue} onChange={(next) => onChange({ not: next })} onRemove={undefined} />
      </fieldset>
    );
  }
  return <LeafEditor leaf={condition} catalogue={catalogue} onChange={onChange} remove={remove} label={label} />;
}

function LeafEditor({ leaf, catalogue, onChange, remove, label }: { leaf: ConditionLeaf; catalogue: FactCatalogue; onChange(leaf: ConditionLeaf): void; remove: ReactNode; label: string }) {
  const { locale, t } = useI18n();
  const fact = factByName(catalogue, leaf.fact);
  const shape = valueShapeOf(leaf.operator);
  const values = leaf.value === undefined ? [] : Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const setValue = (value: ConditionLeaf['value']) => onChange({ ...leaf, value });
  return (
    <div className="condition-leaf" role="group" aria-label={label}>
      <select aria-label={t('condition.fact')} value={leaf.fact} onChange={(event) => onChange(leafFor(factByName(catalogue, event.target.value)!))}>
        {fact === undefined && <option value={leaf.fact}>{leaf.fact}</option>}
        {catalogue.facts.map((option) => (
          <option key={option.name} value={option.name}>
            {option.label[locale]}
          </option>
        ))}
      </select>
      <select aria-label={t('condition.operator')} value={leaf.operator} onChange={(event) => onChange(withOperator(leaf, fact, event.target.value as ConditionOperator))}>
        {(fact === undefined ? [leaf.operator] : operatorsForFact(fact)).map((operator) => (
          <option key={operator} value={operator}>
            {t(`operator.${operator}` as MessageKey)}
          </option>
        ))}
      </select>
      {shape === 'single' && <ValueInput fact={fact} value={values[0] ?? null} onChange={setValue} label={t('condition.value')} />}
      {shape === 'pair' && (
        <>
          <ValueInput fact={fact} value={values[0] ?? null} onChange={(v) => setValue([v, values[1] ?? null])} label={t('condition.from')} />
          <ValueInput fact={fact} value={values[1] ?? null} onChange={(v) => setValue([values[0] ?? null, v])} label={t('condition.to')} />
        </>
      )}
      {shape === 'list' && (
        <input
          aria-label={t('condition.values')}
          value={values.join(', ')}
          onChange={(event) => setValue(event.target.value.split(',').map((part) => parseScalar(fact, part.trim())))}
        />
      )}
      {remove}
    </div>
  );
}

function parseScalar(fact: FactDefinition | undefined, text: string): Scalar {
  if (fact?.type === 'number') return text === '' ? null : Number(text);
  if (fact?.type === 'boolean') return text === 'true';
  return text;
}

function ValueInput({ fact, value, onChange, label }: { fact: FactDefinition | undefined; value: Scalar; onChange(value: Scalar): void; label: string }) {
  const { locale, t } = useI18n();
  if (fact?.type === 'enum') {
    return (
      <select aria-label={label} value={String(value ?? '')} onChange={(event) => onChange(event.target.value)}>
        {fact.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label[locale]}
          </option>
        ))}
      </select>
    );
  }
  if (fact?.type === 'boolean') {
    return (
      <select aria-label={label} value={String(value)} onChange={(event) => onChange(event.target.value === 'true')}>
        <option value="true">{t('common.yes')}</option>
        <option value="false">{t('common.no')}</option>
      </select>
    );
  }
  const inputType = fact?.type === 'number' ? 'number' : fact?.type === 'date' ? 'date' : fact?.type === 'datetime' ? 'datetime-local' : 'text';
  return <input aria-label={label} type={inputType} value={value === null ? '' : String(value)} onChange={(event) => onChange(parseScalar(fact, event.target.value))} />;
}
