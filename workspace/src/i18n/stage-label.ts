import { isDefaultStageKey, type DefaultStageKey, type StageSummary } from '../api/work-queue.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import type { MessageKey, Translate } from './translate.ts';

const defaultStageLabels: Record<DefaultStageKey, MessageKey> = {
  reserve: 'stage.reserve',
  target: 'stage.target',
  potential: 'stage.potential',
  opportunity: 'stage.opportunity',
  won: 'stage.won',
};

/** A stage's name: the definition's label when the API sent one, else the catalogue's for the default stages. */
export function stageLabel(stage: Pick<StageSummary, 'key' | 'label'>, locale: Locale, t: Translate): string {
  if (stage.label !== undefined) return stage.label[locale];
  return isDefaultStageKey(stage.key) ? t(defaultStageLabels[stage.key]) : stage.key;
}
