import { useEffect, useId, useState } from 'react';
import type { FactCatalogue, FactType } from '../../../definitions/fact-catalogue.schema.ts';
import type { RoutingStrategy } from '../../../definitions/routing-policy.schema.ts';
import { factByName } from '../../../engine/conditions/catalogue-facts.ts';
import type { RoleSummary } from '../api/roles-api.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CandidatesFields } from './RoutingCandidatesFields.tsx';
import { FieldProblems, hasProblem } from './FieldProblems.tsx';
import { MeasureSelect } from './MeasureSelect.tsx';
import { addGroup, groupValuesOfText, groupValuesText, moveGroup, removeGroup, updateGroup, type AttributeMatch, type GroupValue } from './routing-policy-edits.ts';
import type { RoutingPeople } from './use-routing-people.ts';

interface AttributeMatchFieldsProps {
  strategy: AttributeMatch;
  pointer: string;
  problems: readonly ProblemEntry[];
  catalogue: FactCatalogue | undefined;
  people: RoutingPeople;
  roles: readonly RoleSummary[] | undefined;
  onChange(strategy: RoutingStrategy): void;
}

/**
 * Territory or industry routing: the fact whose value picks a group, how a group picks among its people, and the
 * groups in order (the first holding the record's value wins), each its values and its candidates.
 */
export function AttributeMatchFields({ strategy, pointer, problems, catalogue, people, roles, onChange }: AttributeMatchFieldsProps) {
  const { locale, t } = useI18n();
  const factType = catalogue === undefined ? undefined : factByName(catalogue, strategy.fact)?.type;
  const groupsPointer = `${pointer}/groups`;
  const last = strategy.groups.length - 1;
  return (
    <>
      <label>
        {t('routing.fact')}
        <select value={strategy.fact} aria-invalid={hasProblem(problems, `${pointer}/fact`)} onChange={(event) => onChange({ ...strategy, fact: event.target.value })}>
          {!catalogue?.facts.some((fact) => fact.name === strategy.fact) && <option value={strategy.fact}>{strategy.fact}</option>}
          {catalogue?.facts.map((fact) => (
            <option key={fact.name} value={fact.name}>
              {fact.label[locale]}
            </option>
          ))}
        </select>
      </label>
      <FieldProblems problems={problems} pointer={`${pointer}/fact`} />
      <label>
        {t('routing.then')}
        <select value={strategy.then ?? 'roundRobin'} aria-invalid={hasProblem(problems, `${pointer}/then`)} onChange={(event) => onChange(event.target.value === 'leastLoaded' ? { ...strategy, then: 'leastLoaded', measure: strategy.measure ?? 'openLeads' } : { ...strategy, then: 'roundRobin', measure: undefined })}>
          <option value="roundRobin">{t('strategy.roundRobin')}</option>
          <option value="leastLoaded">{t('strategy.leastLoaded')}</option>
        </select>
      </label>
      {strategy.then === 'leastLoaded' && <MeasureSelect value={strategy.measure} pointer={`${pointer}/measure`} problems={problems} onChange={(measure) => onChange({ ...strategy, measure })} />}
      <fieldset className="routing-groups" aria-invalid={hasProblem(problems, groupsPointer, true)}>
        <legend>{t('routing.groups')}</legend>
        <p className="muted">{t('routing.groupsHint')}</p>
        <FieldProblems problems={problems} pointer={groupsPointer} exact />
        {strategy.groups.map((group, index) => {
          const groupPointer = `${groupsPointer}/${index}`;
          const title = t('routing.group', { number: index + 1 });
          return (
            // Keyed by position, as the rules are: editing a group's values must not remount the inputs being typed in.
            <fieldset key={index} data-group={index} aria-label={title} aria-invalid={hasProblem(problems, groupPointer, true)}>
              <legend>{title}</legend>
              <div className="buttons">
                <button type="button" disabled={index === 0} onClick={() => onChange(moveGroup(strategy, index, -1))}>
                  {t('routing.moveUp')}
                </button>
                <button type="button" disabled={index === last} onClick={() => onChange(moveGroup(strategy, index, 1))}>
                  {t('routing.moveDown')}
                </button>
                <button type="button" className="danger" disabled={strategy.groups.length === 1} onClick={() => onChange(removeGroup(strategy, index))}>
                  {t('routing.removeGroup')}
                </button>
              </div>
              <FieldProblems problems={problems} pointer={groupPointer} exact />
              <GroupValuesInput values={group.values} factType={factType} pointer={`${groupPointer}/values`} problems={problems} onCommit={(values) => onChange(updateGroup(strategy, index, { values }))} />
              <CandidatesFields candidates={group.candidates} pointer={`${groupPointer}/candidates`} problems={problems} people={people} roles={roles} onChange={(candidates) => onChange(updateGroup(strategy, index, { candidates }))} />
            </fieldset>
          );
        })}
        <button type="button" onClick={() => onChange(addGroup(strategy))}>
          {t('routing.addGroup')}
        </button>
      </fieldset>
    </>
  );
}

/**
 * A group's values, one per line or comma-separated, made an edit when the admin leaves the box (Enter starts a new
 * line here). A value a number or yes/no fact can never hold is pointed out beside it, since the schema takes any text.
 */
function GroupValuesInput({ values, factType, pointer, problems, onCommit }: { values: readonly GroupValue[]; factType: FactType | undefined; pointer: string; problems: readonly ProblemEntry[]; onCommit(values: GroupValue[]): void }) {
  const { t } = useI18n();
  const id = useId();
  const shown = groupValuesText(values);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const next = groupValuesOfText(text, factType);
    if (JSON.stringify(next) !== JSON.stringify(values)) onCommit(next);
    else setText(shown);
  };
  const mistyped = factType === 'number' || factType === 'boolean' ? values.filter((value) => typeof value === 'string') : [];
  return (
    <>
      <label htmlFor={id}>{t('routing.groupValues')}</label>
      <textarea
        id={id}
        rows={Math.min(Math.max(values.length, 2), 8)}
        value={text}
        aria-invalid={hasProblem(problems, pointer)}
        aria-describedby={`${id}-problems`}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
      />
      {mistyped.length > 0 && <p role="alert">{t(factType === 'number' ? 'routing.valuesNotNumbers' : 'routing.valuesNotBooleans', { values: mistyped.join(', ') })}</p>}
      <FieldProblems problems={problems} pointer={pointer} id={`${id}-problems`} />
    </>
  );
}
