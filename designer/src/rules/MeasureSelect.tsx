import { loadMeasures } from '../../../definitions/routing-policy.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { FieldProblems, hasProblem } from './FieldProblems.tsx';

type LoadMeasure = (typeof loadMeasures)[number];

const measureTitles = Object.fromEntries(loadMeasures.map((measure) => [measure, `measure.${measure}`])) as Record<LoadMeasure, MessageKey>;

/** Which load counts (open leads, owned customers …): for least loaded, an attribute match's tie-break, a capacity. */
export function MeasureSelect({ value, pointer, problems, onChange, label }: { value: string | undefined; pointer: string; problems: readonly ProblemEntry[]; onChange(measure: LoadMeasure): void; label?: string }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {label ?? t('routing.measure')}
        <select value={value ?? ''} aria-invalid={hasProblem(problems, pointer)} onChange={(event) => onChange(event.target.value as LoadMeasure)}>
          {value === undefined && <option value="">—</option>}
          {loadMeasures.map((measure) => (
            <option key={measure} value={measure}>
              {t(measureTitles[measure])}
            </option>
          ))}
        </select>
      </label>
      <FieldProblems problems={problems} pointer={pointer} />
    </>
  );
}

