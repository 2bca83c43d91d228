import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';

/**
 * The next value of an auto-number field. The counter row stays locked until the transaction ends, so concurrent
 * creates get distinct numbers in commit order, and a create that rolls back gives its number back.
 */
export async function nextAutoNumber(em: EntityManager, entity: string, fieldKey: string): Promise<number> {
  const [row] = await boundQuery<{ value: string | number }>(
    em,
    `insert into auto_number (entity, field_key, last_value) values ($1, $2, 1)
     on conflict (entity, field_key) do update set last_value = auto_number.last_value + 1
     returning last_value as value`,
    [entity, fieldKey],
  );
  return Number(row!.value);
}
