import type { Condition } from '../../../definitions/condition.schema.ts';
import type { QueuePolicy } from '../../../definitions/queue-policy.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import type { DefinitionsApi } from '../api/definitions-api.ts';
import { ConditionBuilder } from '../conditions/ConditionBuilder.tsx';
import { useFactCatalogues } from '../conditions/use-fact-catalogues.ts';
import { JsonEditor } from '../drafts/JsonEditor.tsx';
import { CommitInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * The queue policy (the reps' daily work line): each section's condition in the condition builder with its plain
 * words, over the catalogue of the section's entity; the rest of the policy (ordering, buckets) as JSON below.
 */
export function QueuePolicyEditor({ api, policy, problems, replace }: { api: DefinitionsApi; policy: QueuePolicy; problems: readonly ProblemEntry[]; replace(policy: unknown): void }) {
  const { locale, t } = useI18n();
  const catalogues = useFactCatalogues(api, policy.sections.map((section) => section.entity));
  const updateSection = (index: number, patch: Partial<QueuePolicy['sections'][number]>) =>
    replace({ ...policy, sections: policy.sections.map((section, i) => (i === index ? { ...section, ...patch } : section)) });
  return (
    <div className="rule-editor">
      <section className="inspector" aria-label={t('queue.sections')}>
        {policy.sections.map((section, index) => {
          const catalogue = catalogues[section.entity];
          return (
            <fieldset key={section.id} data-section={section.id}>
              <legend>{section.label[locale]}</legend>
              <CommitInput label={t('queue.labelZh')} value={section.label['zh-CN']} onCommit={(value) => updateSection(index, { label: { ...section.label, 'zh-CN': value } })} />
              <CommitInput label={t('queue.labelEn')} value={section.label.en} onCommit={(value) => updateSection(index, { label: { ...section.label, en: value } })} />
              {catalogue === undefined ? (
                <p role="status">{t('app.loading')}</p>
              ) : (
                <ConditionBuilder label={section.label[locale]} condition={section.condition as Condition} catalogue={catalogue} onChange={(condition) => updateSection(index, { condition })} />
              )}
            </fieldset>
          );
        })}
      </section>
      <JsonEditor document={policy} problems={problems} replace={replace} />
    </div>
  );
}
