import type { StageSummary, WorkLineBucket } from '../api/work-queue.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { stageLabel } from '../i18n/stage-label.ts';
import { bucketLabels } from '../work-line/bucket-labels.ts';
import { PlaceholderPage } from './PlaceholderPage.tsx';

/** The customers of one stage (placeholder until the customer lists land); `due` comes from a work-line cell. */
export function StagePage({ stageKey, due, stages }: { stageKey: string; due: WorkLineBucket | undefined; stages: readonly StageSummary[] }) {
  const { locale, t } = useI18n();
  const stage = stages.find((candidate) => candidate.key === stageKey) ?? { key: stageKey };
  const label = stageLabel(stage, locale, t);
  return (
    <PlaceholderPage title={label} description={t('page.stage.description', { stage: label })}>
      {due !== undefined && <p>{t('page.stage.due', { bucket: t(bucketLabels[due]) })}</p>}
    </PlaceholderPage>
  );
}
