import type { ConversionSource } from '../../../definitions/lead-conversion.schema.ts';
import { CommitInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { FieldProblems, hasProblem } from '../rules/FieldProblems.tsx';
import { addFact, fixedValueOfText, moveFact, removeFact, replaceFact, withSourceKind, type MappingRow } from './lead-conversion-edits.ts';

/** A choice in one of the row's selects: its value in the document and its label in the interface language. */
export interface Choice {
  value: string;
  label: string;
}

interface ConversionFieldRowProps {
  row: MappingRow;
  /** The targets this row may aim at: its own and those no other row maps. */
  targets: readonly Choice[];
  facts: readonly Choice[];
  numeric: boolean;
  problems: readonly ProblemEntry[];
  retarget(target: string): void;
  update(source: ConversionSource): void;
  remove(): void;
}

/** Adds the row's current value when the list lacks it (a name typed in JSON), so a select never hides what is there. */
const withCurrent = (choices: readonly Choice[], value: string): readonly Choice[] => (choices.some((choice) => choice.value === value) ? choices : [...choices, { value, label: value }]);

/**
 * One field mapping: the target field, and either the first non-empty of an ordered list of lead facts or a fixed
 * value; each problem of the draft beside the input its path names.
 */
export function ConversionFieldRow({ row, targets, facts, numeric, problems, retarget, update, remove }: ConversionFieldRowProps) {
  const { t } = useI18n();
  const { source, pointer } = row;
  const targetLabel = withCurrent(targets, row.target).find((choice) => choice.value === row.target)!.label;
  const firstFact = facts[0]?.value ?? 'name';
  const fromPointer = `${pointer}/from`;
  return (
    <fieldset data-target={row.target} aria-label={t('conversion.row', { field: targetLabel })} aria-invalid={hasProblem(problems, pointer)}>
      <legend>{t('conversion.row', { field: targetLabel })}</legend>
      <FieldProblems problems={problems} pointer={pointer} exact />
      <label>
        {t('conversion.target')}
        <select value={row.target} onChange={(event) => retarget(event.target.value)}>
          {withCurrent(targets, row.target).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('conversion.sourceKind')}
        <select value={'from' in source ? 'from' : 'value'} onChange={(event) => update(withSourceKind(source, event.target.value as 'from' | 'value', firstFact))}>
          <option value="from">{t('conversion.fromFacts')}</option>
          <option value="value">{t('conversion.fixedValue')}</option>
        </select>
      </label>
      {'from' in source ? (
        <fieldset aria-invalid={hasProblem(problems, fromPointer)}>
          <legend>{t('conversion.facts')}</legend>
          <FieldProblems problems={problems} pointer={fromPointer} exact />
          <ol className="conversion-facts">
            {source.from.map((fact, index) => (
              // Keyed by position: reordering swaps the values under the inputs, which the tests read back.
              <li key={index}>
                <label>
                  {t('conversion.factNumber', { number: index + 1 })}
                  <select value={fact} aria-label={t('conversion.factNumber', { number: index + 1 })} aria-invalid={hasProblem(problems, `${fromPointer}/${index}`)} onChange={(event) => update(replaceFact(source, index, event.target.value))}>
                    {withCurrent(facts, fact).map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                </label>
                <FieldProblems problems={problems} pointer={`${fromPointer}/${index}`} />
                <button type="button" disabled={index === 0} aria-label={t('conversion.moveFactUp', { number: index + 1 })} onClick={() => update(moveFact(source, index, -1))}>
                  {t('routing.moveUp')}
                </button>
                <button type="button" disabled={index === source.from.length - 1} aria-label={t('conversion.moveFactDown', { number: index + 1 })} onClick={() => update(moveFact(source, index, 1))}>
                  {t('routing.moveDown')}
                </button>
                <button type="button" className="danger" aria-label={t('conversion.removeFact', { number: index + 1 })} onClick={() => update(removeFact(source, index))}>
                  {t('conversion.remove')}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => update(addFact(source, firstFact))}>
            {t('conversion.addFact')}
          </button>
        </fieldset>
      ) : (
        <>
          <CommitInput label={t('conversion.value')} value={String(source.value)} invalid={hasProblem(problems, `${pointer}/value`) ?? false} onCommit={(text) => update(fixedValueOfText(text, numeric))} />
          <FieldProblems problems={problems} pointer={`${pointer}/value`} />
        </>
      )}
      <button type="button" className="danger" onClick={remove}>
        {t('conversion.removeRow')}
      </button>
    </fieldset>
  );
}
