import type { LocalizedText } from '../api/me.ts';
import { leadColumnKeys, type WebForm, type WebFormDocument, type WebFormField, type WebFormFieldType, type WebFormSettings } from '../api/web-forms.ts';

/** One field of the editor as typed: numbers and options stay text until saved, so a half-typed value is kept. */
export interface FieldDraft {
  /** Stable across moves, for React keys and input ids; never sent. */
  uid: number;
  key: string;
  label: LocalizedText;
  type: WebFormFieldType;
  required: boolean;
  maxLength: string;
  /** Select options, one per line: `value | English | 中文` (a bare value labels itself in both languages). */
  options: string;
}

export interface WebFormDraft {
  key: string;
  title: LocalizedText;
  intro: LocalizedText;
  thankYou: LocalizedText;
  fields: FieldDraft[];
  /** '' for none, else the campaign's id. */
  campaignId: string;
  routingPolicy: string;
  /** One origin per line. */
  allowedOrigins: string;
  active: boolean;
  /** What the console does not edit (honeypot, rate limit), sent back as it was loaded. */
  kept: Pick<WebFormDocument, 'honeypotField' | 'rateLimit'>;
}

const blank: LocalizedText = { en: '', 'zh-CN': '' };

let nextUid = 1;

export function newFieldDraft(overrides: Partial<Omit<FieldDraft, 'uid'>> = {}): FieldDraft {
  return { uid: nextUid++, key: '', label: blank, type: 'text', required: false, maxLength: '', options: '', ...overrides };
}

/** A new form asks for the name, required, as every form must. */
export function newWebFormDraft(nameLabel: LocalizedText, routingPolicy: string): WebFormDraft {
  return {
    key: '',
    title: blank,
    intro: blank,
    thankYou: blank,
    fields: [newFieldDraft({ key: 'name', label: nameLabel, required: true })],
    campaignId: '',
    routingPolicy,
    allowedOrigins: '',
    active: true,
    kept: {},
  };
}

const optionLine = (option: NonNullable<WebFormField['options']>[number]) => `${option.value} | ${option.label.en} | ${option.label['zh-CN']}`;

export function draftOfWebForm(form: WebForm): WebFormDraft {
  const { document } = form;
  return {
    key: form.key,
    title: document.title,
    intro: document.intro ?? blank,
    thankYou: document.thankYou ?? blank,
    fields: document.fields.map((field) =>
      newFieldDraft({
        key: field.key,
        label: field.label,
        type: field.type,
        required: field.required === true,
        maxLength: field.maxLength === undefined ? '' : String(field.maxLength),
        options: (field.options ?? []).map(optionLine).join('\n'),
      }),
    ),
    campaignId: form.campaignId === null ? '' : String(form.campaignId),
    routingPolicy: form.routingPolicy,
    allowedOrigins: form.allowedOrigins.join('\n'),
    active: form.active,
    kept: {
      ...(document.honeypotField === undefined ? {} : { honeypotField: document.honeypotField }),
      ...(document.rateLimit === undefined ? {} : { rateLimit: document.rateLimit }),
    },
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function optionsOf(text: string): WebFormField['options'] {
  const options = lines(text).map((line) => {
    const [value = '', en, zh] = line.split('|').map((part) => part.trim());
    return { value, label: { en: en || value, 'zh-CN': zh || en || value } };
  });
  return options.length === 0 ? undefined : options;
}

function fieldOf(draft: FieldDraft): WebFormField {
  const maxLength = draft.maxLength.trim();
  const options = draft.type === 'select' ? optionsOf(draft.options) : undefined;
  return {
    key: draft.key.trim(),
    label: { en: draft.label.en.trim(), 'zh-CN': draft.label['zh-CN'].trim() },
    type: draft.type,
    required: draft.required,
    ...(maxLength === '' ? {} : { maxLength: Number(maxLength) }),
    ...(options === undefined ? {} : { options }),
  };
}

const trimmed = (text: LocalizedText): LocalizedText => ({ en: text.en.trim(), 'zh-CN': text['zh-CN'].trim() });
const isBlank = (text: LocalizedText) => text.en.trim() === '' && text['zh-CN'].trim() === '';

/** The body POST and PUT take (besides the key); an intro or thank-you left blank in both languages is left out. */
export function webFormSettingsOf(draft: WebFormDraft): WebFormSettings {
  const document: WebFormDocument = {
    title: trimmed(draft.title),
    ...(isBlank(draft.intro) ? {} : { intro: trimmed(draft.intro) }),
    ...(isBlank(draft.thankYou) ? {} : { thankYou: trimmed(draft.thankYou) }),
    fields: draft.fields.map(fieldOf),
    ...draft.kept,
  };
  return {
    document,
    campaignId: draft.campaignId === '' ? null : Number(draft.campaignId),
    ...(draft.routingPolicy === '' ? {} : { routingPolicy: draft.routingPolicy }),
    allowedOrigins: lines(draft.allowedOrigins),
    active: draft.active,
  };
}

/** The fields with the one at `index` moved by `by` places; unchanged when that would leave the list. */
export function movedField(fields: readonly FieldDraft[], index: number, by: -1 | 1): FieldDraft[] {
  const target = index + by;
  if (index < 0 || index >= fields.length || target < 0 || target >= fields.length) return [...fields];
  const moved = [...fields];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

/** A field a form may fill: a lead column or a published lead custom field, with what a new field of it starts as. */
export interface KnownLeadField {
  key: string;
  label: LocalizedText;
  type: WebFormFieldType;
  /** A dropdown custom field's options, as the options box writes them. */
  options?: string;
}

/**
 * The field with its key changed. Choosing a known field fills what is still blank (labels) and the type its
 * column takes (phone and email must be typed so), so picking "phone" gives a ready phone field.
 */
export function withChosenKey(field: FieldDraft, key: string, known: readonly KnownLeadField[]): FieldDraft {
  const chosen = known.find((candidate) => candidate.key === key);
  if (chosen === undefined) return { ...field, key };
  return {
    ...field,
    key,
    label: { en: field.label.en || chosen.label.en, 'zh-CN': field.label['zh-CN'] || chosen.label['zh-CN'] },
    type: chosen.type,
    options: field.options || (chosen.options ?? ''),
  };
}

const customFieldTypes: Record<string, WebFormFieldType> = { number: 'number', phone: 'phone', email: 'email', dropdown: 'select' };

/** The lead columns (labelled from the catalogues) and the published lead custom fields a form can fill. */
export function knownLeadFields(
  columnLabel: (key: (typeof leadColumnKeys)[number]) => LocalizedText,
  customFields: ReadonlyArray<{ key: string; type: string; label: LocalizedText; multiline?: boolean; options?: Array<{ value: string; label: LocalizedText }> }>,
): KnownLeadField[] {
  const columns = leadColumnKeys.map((key) => ({ key, label: columnLabel(key), type: key === 'phone' || key === 'email' ? key : ('text' as WebFormFieldType) }));
  const custom = customFields.map((field) => ({
    key: field.key,
    label: field.label,
    type: customFieldTypes[field.type] ?? (field.multiline === true ? 'textarea' : 'text'),
    ...(field.type === 'dropdown' && field.options !== undefined ? { options: field.options.map(optionLine).join('\n') } : {}),
  }));
  return [...columns, ...custom];
}
