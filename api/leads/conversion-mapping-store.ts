import type { EntityManager } from '@mikro-orm/postgresql';
import defaultMapping from '../../definitions/defaults/lead-conversion.json' with { type: 'json' };
import { leadConversionSourceColumns, type ConversionSource, type LeadConversion } from '../../definitions/lead-conversion.schema.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { LeadRow } from './lead-document.ts';

export const conversionMappingKey = 'lead-conversion';

/** The latest published conversion mapping, else the built-in default (a conversion is rare: read every time). */
export async function latestConversionMapping(em: EntityManager): Promise<{ version: number; document: LeadConversion }> {
  const [row] = await boundQuery<{ version: number; document: LeadConversion }>(
    em,
    "select version, document from definition_version where kind = 'leadConversion' and key = $1 order by version desc limit 1",
    [conversionMappingKey],
  );
  return row ?? { version: 0, document: defaultMapping as LeadConversion };
}

const sourceColumns: ReadonlySet<string> = new Set(leadConversionSourceColumns);

/** A source's value for a lead: the first non-empty fact it names, or its fixed value; undefined when all are empty. */
export function mappedValue(source: ConversionSource, lead: LeadRow): unknown {
  if ('value' in source) return source.value;
  for (const name of source.from) {
    const value = name.startsWith('customFields.') ? lead.custom_fields[name.slice('customFields.'.length)] : (sourceColumns.has(name) ? lead[name as keyof LeadRow] : undefined);
    if (value !== null && value !== undefined && String(value).trim() !== '') return typeof value === 'string' ? value.trim() : value;
  }
  return undefined;
}
