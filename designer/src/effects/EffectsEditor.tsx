import type { EffectInvocation, EffectName } from '../../../definitions/effect-catalogue.schema.ts';
import { effectNames, effectParamsSchemas } from '../../../definitions/effect-catalogue.schema.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { SchemaForm, type FormSchema } from './SchemaForm.tsx';

/** A list of effects picked from the closed catalogue, each with a params form generated from its schema. */
export function EffectsEditor({ effects, onChange, label }: { effects: readonly EffectInvocation[]; onChange(effects: EffectInvocation[]): void; label: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="effects-editor">
      <legend>{label}</legend>
      {effects.map((effect, index) => (
        <div key={index} className="effect">
          <SchemaForm
            schema={effectParamsSchemas[effect.type] as FormSchema}
            label={t(`effect.${effect.type}` as MessageKey)}
            value={effect.params}
            onChange={(params) => onChange(effects.map((e, i) => (i === index ? ({ type: effect.type, params } as EffectInvocation) : e)))}
          />
          <button type="button" onClick={() => onChange(effects.filter((_e, i) => i !== index))}>
            {t('effect.remove')}
          </button>
        </div>
      ))}
      <label>
        {t('effect.add')}
        <select
          value=""
          onChange={(event) => event.target.value !== '' && onChange([...effects, { type: event.target.value as EffectName, params: {} } as EffectInvocation])}
        >
          <option value="">—</option>
          {effectNames.map((name) => (
            <option key={name} value={name}>
              {t(`effect.${name}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
