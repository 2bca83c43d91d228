import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';

/** The parts of JSON Schema the effect catalogue's params use (definitions/effect-catalogue.schema.ts). */
export interface FormSchema {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  properties?: Readonly<Record<string, FormSchema>>;
  required?: readonly string[];
  oneOf?: readonly FormSchema[];
  discriminator?: { propertyName: string };
  description?: string;
}

type Json = unknown;

const isLocalizedText = (schema: FormSchema) =>
  schema.type === 'object' && schema.properties !== undefined && Object.keys(schema.properties).sort().join() === 'en,zh-CN';

interface FieldProps {
  schema: FormSchema;
  value: Json;
  onChange(value: Json): void;
  label: string;
}

/**
 * A form generated from a params schema: enums as menus, text, numbers and switches as inputs, bilingual texts as
 * two inputs, nested objects as fieldsets, a discriminated union as a menu of its forms. What it cannot draw as
 * fields (lists, open maps, recipient unions) is edited as JSON, which the API's validation then checks.
 */
export function SchemaForm({ schema, value, onChange, label }: FieldProps) {
  if (schema.oneOf !== undefined && schema.discriminator !== undefined) {
    return <UnionFields schema={schema} value={value} onChange={onChange} label={label} />;
  }
  return <SchemaField schema={schema} value={value} onChange={onChange} label={label} />;
}

function UnionFields({ schema, value, onChange, label }: FieldProps) {
  const { t } = useI18n();
  const paramLabel = useParamLabel();
  const valueLabel = useValueLabel();
  const tag = schema.discriminator!.propertyName;
  const current = (value ?? {}) as Record<string, Json>;
  const branches = schema.oneOf!.map((branch) => {
    const tagSchema = branch.properties?.[tag];
    return { branch, values: (tagSchema?.enum ?? (tagSchema?.const !== undefined ? [tagSchema.const] : [])) as string[] };
  });
  const chosen = branches.find((b) => b.values.includes(String(current[tag]))) ?? branches[0]!;
  const allTags = branches.flatMap((b) => b.values);
  const { [tag]: _tag, ...rest } = chosen.branch.properties ?? {};
  return (
    <fieldset>
      <legend>{label}</legend>
      <label>
        {paramLabel(tag)}
        <select value={String(current[tag] ?? '')} onChange={(event) => onChange({ [tag]: event.target.value })}>
          <option value="" disabled>
            {t('form.choose')}
          </option>
          {allTags.map((option) => (
            <option key={option} value={option}>
              {valueLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <ObjectFields schema={{ ...chosen.branch, properties: rest }} value={current} onChange={onChange} />
    </fieldset>
  );
}

/** A parameter's name in the interface language (messages `param.<name>`; the test keeps every schema name there). */
function useParamLabel(): (name: string) => string {
  const { t } = useI18n();
  return (name) => t(`param.${name}` as MessageKey);
}

/** A value of an enum in the interface language (messages `value.<value>`; the test keeps every schema value there). */
function useValueLabel(): (value: string) => string {
  const { t } = useI18n();
  return (value) => t(`value.${value}` as MessageKey);
}

function ObjectFields({ schema, value, onChange }: { schema: FormSchema; value: Record<string, Json>; onChange(value: Json): void }) {
  const paramLabel = useParamLabel();
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, property]) => (
        <SchemaField
          key={name}
          schema={property}
          label={`${paramLabel(name)}${schema.required?.includes(name) ? ' *' : ''}`}
          value={value[name]}
          onChange={(next) => {
            const copy: Record<string, Json> = { ...value };
            if (next === undefined || next === '') delete copy[name];
            else copy[name] = next;
            onChange(copy);
          }}
        />
      ))}
    </>
  );
}

function SchemaField({ schema, value, onChange, label }: FieldProps) {
  const { t } = useI18n();
  const valueLabel = useValueLabel();
  const id = useId();
  if (schema.enum !== undefined) {
    return (
      <label htmlFor={id}>
        {label}
        <select id={id} value={value === undefined ? '' : String(value)} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}>
          <option value="">—</option>
          {schema.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {valueLabel(String(option))}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (isLocalizedText(schema)) {
    const text = (value ?? {}) as Record<string, string>;
    const set = (locale: string, next: string) => onChange({ ...text, [locale]: next });
    return (
      <fieldset>
        <legend>{label}</legend>
        <label>
          中文
          <input value={text['zh-CN'] ?? ''} onChange={(event) => set('zh-CN', event.target.value)} />
        </label>
        <label>
          English
          <input value={text.en ?? ''} onChange={(event) => set('en', event.target.value)} />
        </label>
      </fieldset>
    );
  }
  if (schema.type === 'object' && schema.properties !== undefined) {
    return (
      <fieldset>
        <legend>{label}</legend>
        <ObjectFields schema={schema} value={(value ?? {}) as Record<string, Json>} onChange={onChange} />
      </fieldset>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked ? true : undefined)} />
        {label}
      </label>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <label htmlFor={id}>
        {label}
        <input id={id} type="number" value={value === undefined ? '' : String(value)} onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))} />
      </label>
    );
  }
  if (schema.type === 'string') {
    return (
      <label htmlFor={id}>
        {label}
        <input id={id} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} />
      </label>
    );
  }
  return <JsonField value={value} onChange={onChange} label={label} hint={t('form.json')} />;
}

function JsonField({ value, onChange, label, hint }: { value: Json; onChange(value: Json): void; label: string; hint: string }) {
  const id = useId();
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value)));
  const [invalid, setInvalid] = useState(false);
  return (
    <label htmlFor={id}>
      {label} <span className="muted">{hint}</span>
      <input
        id={id}
        aria-invalid={invalid}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') {
            setInvalid(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(event.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
    </label>
  );
}
