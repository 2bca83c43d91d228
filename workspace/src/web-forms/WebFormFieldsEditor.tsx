import { useId } from 'react';
import type { LocalizedText } from '../api/me.ts';
import { webFormFieldTypes, type WebFormFieldType } from '../api/web-forms.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { InputProblems } from './InputProblems.tsx';
import { movedField, newFieldDraft, withChosenKey, type FieldDraft, type KnownLeadField } from './web-form-draft.ts';

interface WebFormFieldsEditorProps {
  fields: readonly FieldDraft[];
  /** The lead columns and published lead custom fields a field may fill, offered as the key's choices. */
  known: readonly KnownLeadField[];
  problems: InputProblems;
  /** `structural` when fields were added, removed or moved: problems then name other indices and are dropped. */
  onChange(fields: FieldDraft[], structural: boolean): void;
}

/** The form's fields, each a group of its own with its key, labels, type, required, length and choices; add, remove, move. */
export function WebFormFieldsEditor({ fields, known, problems, onChange }: WebFormFieldsEditorProps) {
  const { locale, t } = useI18n();
  const keyChoices = useId();
  const { inputProps, errorOf } = problems;
  const change = (index: number, field: FieldDraft) => onChange(fields.map((old, at) => (at === index ? field : old)), false);
  const label = (index: number, language: keyof LocalizedText, text: string) =>
    change(index, { ...fields[index]!, label: { ...fields[index]!.label, [language]: text } });

  return (
    <>
      <datalist id={keyChoices}>
        {known.map((field) => (
          <option key={field.key} value={field.key}>
            {field.label[locale]}
          </option>
        ))}
      </datalist>
      {fields.map((field, index) => {
        const at = `/document/fields/${index}`;
        return (
          <fieldset key={field.uid} className="web-form-field" data-field-index={index}>
            <legend>{t('webForm.field.legend', { number: index + 1 })}</legend>
            <div className="field-row">
              <div className="field">
                <label htmlFor={problems.idOf(`${at}/key`)}>{t('webForm.field.key')}</label>
                <input
                  {...inputProps(`${at}/key`)}
                  list={keyChoices}
                  autoComplete="off"
                  value={field.key}
                  onChange={(event) => change(index, withChosenKey(field, event.target.value, known))}
                />
                <p className="hint">{t('webForm.field.keyHint')}</p>
                {errorOf(`${at}/key`)}
              </div>
              <div className="field">
                <label htmlFor={problems.idOf(`${at}/type`)}>{t('webForm.field.type')}</label>
                <select
                  {...inputProps(`${at}/type`)}
                  value={field.type}
                  onChange={(event) => change(index, { ...field, type: event.target.value as WebFormFieldType })}
                >
                  {webFormFieldTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`webForm.fieldType.${type}`)}
                    </option>
                  ))}
                </select>
                {errorOf(`${at}/type`)}
              </div>
            </div>
            <div className="field-row">
              {(['en', 'zh-CN'] as const).map((language) => (
                <div className="field" key={language}>
                  <label htmlFor={problems.idOf(`${at}/label/${language}`)}>
                    {t(language === 'en' ? 'webForm.field.labelEn' : 'webForm.field.labelZh')}
                  </label>
                  <input
                    {...inputProps(`${at}/label/${language}`)}
                    maxLength={500}
                    value={field.label[language]}
                    onChange={(event) => label(index, language, event.target.value)}
                  />
                  {errorOf(`${at}/label/${language}`)}
                </div>
              ))}
            </div>
            <div className="field-row">
              <div className="field checkbox-field">
                <label>
                  <input
                    type="checkbox"
                    {...inputProps(`${at}/required`)}
                    checked={field.required}
                    onChange={(event) => change(index, { ...field, required: event.target.checked })}
                  />{' '}
                  {t('webForm.field.required')}
                </label>
                {errorOf(`${at}/required`)}
              </div>
              <div className="field">
                <label htmlFor={problems.idOf(`${at}/maxLength`)}>{t('webForm.field.maxLength')}</label>
                <input
                  {...inputProps(`${at}/maxLength`)}
                  type="number"
                  min={1}
                  max={4000}
                  value={field.maxLength}
                  onChange={(event) => change(index, { ...field, maxLength: event.target.value })}
                />
                {errorOf(`${at}/maxLength`)}
              </div>
            </div>
            {field.type === 'select' && (
              <div className="field">
                <label htmlFor={problems.idOf(`${at}/options`)}>{t('webForm.field.options')}</label>
                <textarea
                  {...inputProps(`${at}/options`)}
                  rows={4}
                  value={field.options}
                  onChange={(event) => change(index, { ...field, options: event.target.value })}
                />
                {errorOf(`${at}/options`)}
              </div>
            )}
            <div className="row-actions">
              <button type="button" disabled={index === 0} onClick={() => onChange(movedField(fields, index, -1), true)}>
                {t('webForm.field.moveUp')}
              </button>
              <button type="button" disabled={index === fields.length - 1} onClick={() => onChange(movedField(fields, index, 1), true)}>
                {t('webForm.field.moveDown')}
              </button>
              <button
                type="button"
                disabled={fields.length === 1}
                onClick={() => onChange(fields.filter((_, at) => at !== index), true)}
              >
                {t('webForm.field.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <p>
        <button type="button" onClick={() => onChange([...fields, newFieldDraft()], true)}>
          {t('webForm.field.add')}
        </button>
      </p>
    </>
  );
}
