import { useState } from 'react';
import type { Condition } from '../../../definitions/condition.schema.ts';
import type { EffectInvocation } from '../../../definitions/effect-catalogue.schema.ts';
import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import type { Rule } from '../../../definitions/rule.schema.ts';
import { ApiError } from '../../../ui-kit/api/api-failure.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import type { DefinitionsApi, RuleImpact } from '../api/definitions-api.ts';
import { ConditionBuilder } from '../conditions/ConditionBuilder.tsx';
import { EffectsEditor } from '../effects/EffectsEditor.tsx';
import { CommitInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { FailureProblems, ProblemList } from '../problems/ProblemList.tsx';

interface RuleEditorProps {
  api: DefinitionsApi;
  definitionKey: string;
  rule: Rule;
  problems: readonly ProblemEntry[];
  catalogue: FactCatalogue;
  replace(rule: Rule): void;
}

/**
 * A rule (recycle, routing, task generation, reminder…): its names, its condition in the builder with the plain
 * words beside it, its effects, and a preview of the records it would touch now.
 */
export function RuleEditor({ api, definitionKey, rule, problems, catalogue, replace }: RuleEditorProps) {
  const { locale, t } = useI18n();
  const [impact, setImpact] = useState<RuleImpact | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const update = (patch: Partial<Rule>) => replace({ ...rule, ...patch });

  async function preview() {
    setFailure(undefined);
    try {
      const answer = await api.impact('rule', definitionKey, rule);
      if (answer.kind === 'rule') setImpact(answer);
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    }
  }

  return (
    <div className="rule-editor">
      <section className="inspector">
        <CommitInput label={t('rule.nameZh')} value={rule.name['zh-CN']} onCommit={(value) => update({ name: { ...rule.name, 'zh-CN': value } })} />
        <CommitInput label={t('rule.nameEn')} value={rule.name.en} onCommit={(value) => update({ name: { ...rule.name, en: value } })} />
        <label>
          <input type="checkbox" checked={rule.enabled !== false} onChange={(event) => update({ enabled: event.target.checked })} />
          {t('rule.enabled')}
        </label>
        <fieldset>
          <legend>{t('rule.conditions')}</legend>
          <ConditionBuilder label={t('rule.conditions')} condition={rule.conditions as Condition} catalogue={catalogue} onChange={(conditions) => update({ conditions })} />
        </fieldset>
        <EffectsEditor label={t('rule.effects')} effects={rule.effects as EffectInvocation[]} onChange={(effects) => update({ effects: effects as Rule['effects'] })} />
      </section>
      <aside className="inspector-column">
        <button type="button" onClick={() => void preview()}>
          {t('rule.preview')}
        </button>
        {failure && <FailureProblems failure={failure.failure} />}
        {impact && (
          <section aria-label={t('publish.impact')}>
            <p>{t('publish.ruleCount', { count: impact.count })}</p>
            <ul>
              {impact.sample.map((record) => (
                <li key={record.id}>
                  {record.name}: {record.reason[locale]}
                </li>
              ))}
            </ul>
          </section>
        )}
        {problems.length > 0 ? <ProblemList title={t('problems.title', { count: problems.length })} problems={problems} /> : <p role="status">{t('problems.none')}</p>}
      </aside>
    </div>
  );
}
