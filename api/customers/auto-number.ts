import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';

/**
 * The next value of an auto-number field — or, with `count`, the last of the next `count` values (an import numbers
 * a batch at once). The counter row stays locked until the transaction ends, so concurrent creates get distinct
 * numbers in commit order, and a create that rolls back gives its numbers back.
 */
export async function nextAutoNumber(em: EntityManager, entity: string, fieldKey: string, count = 1): Promise<number> {
  const [row] = await boundQuery<{ value: string | number }>(
    em,
    `insert into auto_number (entity, field_key, last_value) values ($1, $2, $3)
     on conflict (entity, field_key) do update set last_value = auto_number.last_value + $3
     returning last_value as value`,
    [entity, fieldKey, count],
  );
  return Number(row!.value);
}

/** An auto number as stored: its prefix and the number padded to the field's width (C000042). */
export function autoNumberText(field: Extract<FieldDefinition, { type: 'autoNumber' }>, value: number): string {
  return `${field.prefix ?? ''}${String(value).padStart(field.padding ?? 1, '0')}`;
}
