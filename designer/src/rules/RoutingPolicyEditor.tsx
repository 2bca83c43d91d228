import type { RoutingPolicy, RoutingRule } from '../../../definitions/routing-policy.schema.ts';
import type { DefinitionsApi } from '../api/definitions-api.ts';
import type { RoleSummary } from '../api/roles-api.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { useFactCatalogues } from '../conditions/use-fact-catalogues.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProblemList } from '../problems/ProblemList.tsx';
import { FallbackFields } from './RoutingAvailabilityFields.tsx';
import { RoutingRuleFields } from './RoutingRuleFields.tsx';
import { FieldProblems } from './FieldProblems.tsx';
import { addRule, moveRule, removeRule, updateRule } from './routing-policy-edits.ts';
import { useRoutingPeople } from './use-routing-people.ts';

/** A new rule's name until the admin gives it one: both languages, whatever the interface shows. */
const newRuleLabel = { en: 'New rule', 'zh-CN': '新规则' } as const;

interface RoutingPolicyEditorProps {
  api: DefinitionsApi;
  policy: RoutingPolicy;
  problems: readonly ProblemEntry[];
  roles: readonly RoleSummary[] | undefined;
  replace(policy: unknown): void;
}

/**
 * The routing policy (who gets a new lead) as a form: its rules in order — each with its condition in the condition
 * builder, its strategy among ticked users, roles and teams, who counts as available and where it falls back — and
 * the policy's own fallback. Each problem of the draft shows beside the input its path names, and all of them in the
 * list beside the form.
 */
export function RoutingPolicyEditor({ api, policy, problems, roles, replace }: RoutingPolicyEditorProps) {
  const { locale, t } = useI18n();
  const catalogue = useFactCatalogues(api, [policy.entity])[policy.entity];
  const people = useRoutingPeople();
  const ruleIds = policy.rules.map((rule) => rule.id);
  const last = policy.rules.length - 1;
  return (
    <div className="rule-editor routing-policy-editor">
      <section className="inspector" aria-label={t('routing.rules')}>
        <FieldProblems problems={problems} pointer="/rules" exact />
        <div className="routing-rules">
          {policy.rules.map((rule, index) => (
            // Keyed by position: renaming a rule's id must not remount its inputs under the admin's cursor.
            <div key={index}>
              <fieldset data-rule={rule.id} aria-label={t('routing.rule', { number: index + 1, name: rule.label[locale] })}>
                <legend>{t('routing.rule', { number: index + 1, name: rule.label[locale] })}</legend>
                <div className="buttons">
                  <button type="button" disabled={index === 0} onClick={() => replace(moveRule(policy, index, -1))}>
                    {t('routing.moveUp')}
                  </button>
                  <button type="button" disabled={index === last} onClick={() => replace(moveRule(policy, index, 1))}>
                    {t('routing.moveDown')}
                  </button>
                  <button type="button" className="danger" disabled={policy.rules.length === 1} onClick={() => replace(removeRule(policy, index))}>
                    {t('routing.remove')}
                  </button>
                </div>
                <RoutingRuleFields
                  rule={rule}
                  pointer={`/rules/${index}`}
                  ruleIds={ruleIds}
                  problems={problems}
                  catalogue={catalogue}
                  people={people}
                  roles={roles}
                  update={(patch: Partial<RoutingRule>) => replace(updateRule(policy, index, patch))}
                />
              </fieldset>
            </div>
          ))}
        </div>
        <button type="button" onClick={() => replace(addRule(policy, newRuleLabel, {}))}>
          {t('routing.add')}
        </button>
        <FallbackFields
          label={t('routing.policyFallback')}
          fallback={policy.fallback}
          pointer="/fallback"
          ruleIds={ruleIds}
          problems={problems}
          people={people}
          onChange={(fallback) => fallback !== undefined && replace({ ...policy, fallback })}
        />
      </section>
      <aside className="inspector-column">
        {problems.length > 0 ? <ProblemList title={t('problems.title', { count: problems.length })} problems={problems} /> : <p role="status">{t('problems.none')}</p>}
      </aside>
    </div>
  );
}
