import type { Condition } from '../../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import type { RoutingRule, RoutingStrategy } from '../../../definitions/routing-policy.schema.ts';
import type { RoleSummary } from '../api/roles-api.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { ConditionBuilder } from '../conditions/ConditionBuilder.tsx';
import { leafFor } from '../conditions/condition-draft.ts';
import { CommitInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CandidatesFields, WeightsFields } from './RoutingCandidatesFields.tsx';
import { AttributeMatchFields } from './RoutingAttributeMatchFields.tsx';
import { AvailabilityFields, FallbackFields } from './RoutingAvailabilityFields.tsx';
import { FieldProblems, hasProblem } from './FieldProblems.tsx';
import { MeasureSelect } from './MeasureSelect.tsx';
import { strategyTypes, withStrategyCandidates, withStrategyType, type StrategyType } from './routing-policy-edits.ts';
import type { RoutingPeople } from './use-routing-people.ts';

interface RuleFieldsProps {
  rule: RoutingRule;
  pointer: string;
  ruleIds: readonly string[];
  problems: readonly ProblemEntry[];
  catalogue: FactCatalogue | undefined;
  people: RoutingPeople;
  roles: readonly RoleSummary[] | undefined;
  update(patch: Partial<RoutingRule>): void;
}

/** One routing rule's settings: its id and names, its condition, its strategy, who counts as available, its fallback. */
export function RoutingRuleFields({ rule, pointer, ruleIds, problems, catalogue, people, roles, update }: RuleFieldsProps) {
  const { t } = useI18n();
  const strategyPointer = `${pointer}/strategy`;
  const strategy = rule.strategy;
  const setStrategy = (next: RoutingStrategy) => update({ strategy: next });
  return (
    <>
      <FieldProblems problems={problems} pointer={pointer} exact />
      <CommitInput label={t('routing.ruleId')} value={rule.id} invalid={hasProblem(problems, `${pointer}/id`) ?? false} onCommit={(id) => update({ id })} />
      <FieldProblems problems={problems} pointer={`${pointer}/id`} />
      <CommitInput label={t('routing.labelZh')} value={rule.label['zh-CN']} invalid={hasProblem(problems, `${pointer}/label/zh-CN`) ?? false} onCommit={(value) => update({ label: { ...rule.label, 'zh-CN': value } })} />
      <CommitInput label={t('routing.labelEn')} value={rule.label.en} invalid={hasProblem(problems, `${pointer}/label/en`) ?? false} onCommit={(value) => update({ label: { ...rule.label, en: value } })} />
      <FieldProblems problems={problems} pointer={`${pointer}/label`} />
      <label>
        <input type="checkbox" checked={rule.enabled !== false} onChange={(event) => update({ enabled: event.target.checked ? undefined : false })} />
        {t('routing.enabled')}
      </label>
      <fieldset aria-invalid={hasProblem(problems, `${pointer}/condition`)}>
        <legend>{t('routing.condition')}</legend>
        {rule.condition === undefined ? (
          <>
            <p>{t('routing.noCondition')}</p>
            {catalogue && (
              <button type="button" onClick={() => update({ condition: { all: [leafFor(catalogue.facts[0]!)] } })}>
                {t('routing.addCondition')}
              </button>
            )}
          </>
        ) : catalogue ? (
          <>
            <ConditionBuilder label={`${t('routing.condition')} ${rule.id}`} condition={rule.condition as Condition} catalogue={catalogue} onChange={(condition) => update({ condition })} />
            <button type="button" onClick={() => update({ condition: undefined })}>
              {t('routing.removeCondition')}
            </button>
          </>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
        <FieldProblems problems={problems} pointer={`${pointer}/condition`} />
      </fieldset>
      <fieldset aria-invalid={hasProblem(problems, strategyPointer, true)}>
        <legend>{t('routing.strategy')}</legend>
        <FieldProblems problems={problems} pointer={strategyPointer} exact />
        <label>
          {t('routing.strategyType')}
          <select value={strategy.type} onChange={(event) => setStrategy(withStrategyType(strategy, event.target.value as StrategyType, strategyFact(strategy, catalogue)))}>
            {strategyTypes.map((type) => (
              <option key={type} value={type}>
                {t(`strategy.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {strategy.type === 'attributeMatch' ? (
          <AttributeMatchFields strategy={strategy} pointer={strategyPointer} problems={problems} catalogue={catalogue} people={people} roles={roles} onChange={setStrategy} />
        ) : (
          <CandidatesFields candidates={strategy.candidates} pointer={`${strategyPointer}/candidates`} problems={problems} people={people} roles={roles} onChange={(candidates) => setStrategy(withStrategyCandidates(strategy, candidates))} />
        )}
        {strategy.type === 'weighted' && <WeightsFields strategy={strategy} pointer={strategyPointer} problems={problems} people={people} onChange={setStrategy} />}
        {strategy.type === 'leastLoaded' && <MeasureSelect value={strategy.measure} pointer={`${strategyPointer}/measure`} problems={problems} onChange={(measure) => setStrategy({ ...strategy, measure })} />}
      </fieldset>
      <AvailabilityFields rule={rule} pointer={`${pointer}/onlyAvailable`} problems={problems} update={update} />
      <FallbackFields label={t('routing.ruleFallback')} fallback={rule.fallback} optional pointer={`${pointer}/fallback`} ruleIds={ruleIds.filter((id) => id !== rule.id)} problems={problems} people={people} onChange={(fallback) => update({ fallback })} />
    </>
  );
}

const strategyFact = (strategy: RoutingStrategy, catalogue: FactCatalogue | undefined) => (strategy.type === 'attributeMatch' ? strategy.fact : (catalogue?.facts.find((fact) => fact.name === 'region') ?? catalogue?.facts[0])?.name ?? 'region');
