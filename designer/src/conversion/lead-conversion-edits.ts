import type { ConversionSource, LeadConversion } from '../../../definitions/lead-conversion.schema.ts';

/**
 * The lead conversion form's edits: pure functions from one mapping (or source) to the next. A field mapping row is
 * a target — a built-in field (`name`) or, for the customer, a custom field (`customFields.level`) — and its source:
 * the first non-empty of some lead facts, or a fixed value. Rows keep the document's order; a value the schema
 * refuses (an emptied fact list) is kept as it is, so the draft's problems name it beside its input.
 */
export const conversionSections = ['customer', 'contact', 'opportunity'] as const;
export type ConversionSection = (typeof conversionSections)[number];


export const opportunityCreateChoices = ['never', 'onRequest', 'always'] as const;
export type OpportunityCreate = (typeof opportunityCreateChoices)[number];


const customPrefix = 'customFields.';

export interface MappingRow {
  target: string;
  source: ConversionSource;
  /** The JSON pointer of the row's source in the mapping: `/customer/fields/name`, `/customer/customFields/level`. */
  pointer: string;
}

type FieldMap = Record<string, ConversionSource>;
interface LooseSection {
  fields: FieldMap;
  customFields?: FieldMap;
}

const sectionOf = (mapping: LeadConversion, section: ConversionSection) => mapping[section] as LooseSection | undefined;

/** Whether a target names a customer custom field, and its key. */
export const customFieldKey = (target: string): string | undefined => (target.startsWith(customPrefix) ? target.slice(customPrefix.length) : undefined);

/** A section's field mappings in the document's order: built-in fields first, then the customer's custom fields. */
export function mappingRows(mapping: LeadConversion, section: ConversionSection): MappingRow[] {
  const part = sectionOf(mapping, section);
  if (part === undefined) return [];
  return [
    ...Object.entries(part.fields).map(([key, source]) => ({ target: key, source, pointer: `/${section}/fields/${key}` })),
    ...Object.entries(part.customFields ?? {}).map(([key, source]) => ({ target: `${customPrefix}${key}`, source, pointer: `/${section}/customFields/${key}` })),
  ];
}

function withRows(mapping: LeadConversion, section: ConversionSection, rows: ReadonlyArray<{ target: string; source: ConversionSource }>): LeadConversion {
  const part = sectionOf(mapping, section);
  if (part === undefined) return mapping;
  const fields: FieldMap = {};
  const customFields: FieldMap = {};
  for (const row of rows) {
    const key = customFieldKey(row.target);
    if (key === undefined) fields[row.target] = row.source;
    else customFields[key] = row.source;
  }
  const { customFields: _before, ...rest } = part;
  const next: LooseSection = Object.keys(customFields).length === 0 ? { ...rest, fields } : { ...rest, fields, customFields };
  return { ...mapping, [section]: next } as LeadConversion;
}

/** The mapping with a new row for `target` taking the lead fact `fact`; a target already mapped stays as it is. */
export function addRow(mapping: LeadConversion, section: ConversionSection, target: string, fact: string): LeadConversion {
  const rows = mappingRows(mapping, section);
  if (rows.some((row) => row.target === target)) return mapping;
  return withRows(mapping, section, [...rows, { target, source: { from: [fact] } }]);
}

export function removeRow(mapping: LeadConversion, section: ConversionSection, target: string): LeadConversion {
  return withRows(mapping, section, mappingRows(mapping, section).filter((row) => row.target !== target));
}

/** The row for `from` now maps `to`, in the same place; onto a target another row already maps, nothing changes. */
export function retargetRow(mapping: LeadConversion, section: ConversionSection, from: string, to: string): LeadConversion {
  const rows = mappingRows(mapping, section);
  if (from === to || rows.some((row) => row.target === to)) return mapping;
  return withRows(mapping, section, rows.map((row) => (row.target === from ? { ...row, target: to } : row)));
}

export function withRowSource(mapping: LeadConversion, section: ConversionSection, target: string, source: ConversionSource): LeadConversion {
  return withRows(mapping, section, mappingRows(mapping, section).map((row) => (row.target === target ? { ...row, source } : row)));
}

/** The targets of a section not yet mapped, among `options`, in their order. */
export function unmappedTargets(mapping: LeadConversion, section: ConversionSection, options: readonly string[]): string[] {
  const mapped = new Set(mappingRows(mapping, section).map((row) => row.target));
  return options.filter((option) => !mapped.has(option));
}

/** A source turned into the other kind: lead facts start with `fact`, a fixed value starts empty (for the admin to type). */
export function withSourceKind(source: ConversionSource, kind: 'from' | 'value', fact: string): ConversionSource {
  if (kind in source) return source;
  return kind === 'from' ? { from: [fact] } : { value: '' };
}

const factsOf = (source: ConversionSource): string[] => ('from' in source ? [...source.from] : []);

export function addFact(source: ConversionSource, fact: string): ConversionSource {
  return { from: [...factsOf(source), fact] } as ConversionSource;
}

/** The source without its `index`th fact; emptied, the schema (and so the draft's problems) asks for one. */
export function removeFact(source: ConversionSource, index: number): ConversionSource {
  return { from: factsOf(source).filter((_fact, i) => i !== index) } as ConversionSource;
}

export function replaceFact(source: ConversionSource, index: number, fact: string): ConversionSource {
  return { from: factsOf(source).map((current, i) => (i === index ? fact : current)) } as ConversionSource;
}

/** Moves a fact one place up (-1) or down (+1): the first non-empty one wins, so order matters. Not past either end. */
export function moveFact(source: ConversionSource, index: number, by: -1 | 1): ConversionSource {
  const facts = factsOf(source);
  const to = index + by;
  if (to < 0 || to >= facts.length) return source;
  [facts[index], facts[to]] = [facts[to]!, facts[index]!];
  return { from: facts } as ConversionSource;
}

/** A fixed value as typed: a number for a number target when it reads as one, else the text. */
export function fixedValueOfText(text: string, numeric: boolean): ConversionSource {
  const trimmed = text.trim();
  return { value: numeric && trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text };
}

export function withStage(mapping: LeadConversion, stage: string): LeadConversion {
  return { ...mapping, customer: { ...mapping.customer, stage } };
}

export function withName(mapping: LeadConversion, locale: 'en' | 'zh-CN', text: string): LeadConversion {
  return { ...mapping, name: { ...mapping.name, [locale]: text } } as LeadConversion;
}

/** Whether the conversion creates a contact: on, a contact named after the lead; off, the contact mapping goes. */
export function withContact(mapping: LeadConversion, wanted: boolean): LeadConversion {
  if (wanted === (mapping.contact !== undefined)) return mapping;
  if (!wanted) {
    const { contact: _contact, ...rest } = mapping;
    return rest as LeadConversion;
  }
  return { ...mapping, contact: { fields: { name: { from: ['name'] } } } };
}

/** When an opportunity is created; a mapping without one starts it named after the lead's company, else its name. */
export function withOpportunityCreate(mapping: LeadConversion, create: OpportunityCreate): LeadConversion {
  const opportunity = mapping.opportunity ?? { create, fields: { name: { from: ['company', 'name'] } } };
  return { ...mapping, opportunity: { ...opportunity, create } };
}
