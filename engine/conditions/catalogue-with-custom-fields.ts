import type { FactCatalogue, FactDefinition, FactType } from '../../definitions/fact-catalogue.schema.ts';
import type { LocalizedText } from '../validation/problem.ts';

/** What conditions need of a custom field definition (field-definitions.schema.ts has the full form). */
export interface CustomFieldDescriptor {
  key: string;
  type: string;
  label: LocalizedText;
  options?: ReadonlyArray<{ value: string; label: LocalizedText }>;
  /** A date field that also holds a time. */
  withTime?: boolean;
  /** A dropdown that holds several values. */
  multiple?: boolean;
}

const factTypeOfField: Record<string, FactType> = {
  text: 'string',
  string: 'string',
  phone: 'string',
  email: 'string',
  autoNumber: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  dropdown: 'enum',
  enum: 'enum',
};

function factOfField(field: CustomFieldDescriptor): FactDefinition | undefined {
  const type = factTypeOfField[field.type];
  // Date-times in jsonb cannot be compared safely in SQL (a malformed text makes the cast fail), and multi-value
  // dropdowns hold lists the operators do not compare: such fields stay out of conditions.
  if (type === undefined || (type === 'date' && field.withTime === true) || field.multiple === true) return undefined;
  if (type === 'enum' && (field.options === undefined || field.options.length === 0)) return undefined;
  const fact: FactDefinition = {
    name: `custom.${field.key}`,
    type,
    label: field.label,
    source: { kind: 'customField', key: field.key },
  };
  if (type === 'enum') fact.options = field.options?.map((o) => ({ value: o.value, label: o.label }));
  return fact;
}

/** The catalogue plus a `custom.<key>` fact for each custom field conditions can compare. */
export function catalogueWithCustomFields(
  catalogue: FactCatalogue,
  fields: readonly CustomFieldDescriptor[],
): FactCatalogue {
  const names = new Set(catalogue.facts.map((f) => f.name));
  const added = fields.flatMap((field) => {
    const fact = factOfField(field);
    if (fact === undefined || names.has(fact.name)) return [];
    names.add(fact.name);
    return [fact];
  });
  return { ...catalogue, facts: [...catalogue.facts, ...added] };
}
