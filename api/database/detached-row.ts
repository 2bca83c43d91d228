import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, EntityProperty, Platform } from '@mikro-orm/core';

interface ColumnProperty {
  name: string;
  column: string;
  convert: ((value: unknown, platform: Platform) => unknown) | undefined;
}

const columnProperties = new WeakMap<object, ColumnProperty[]>();

/** The entity's scalar properties kept in one column each, with the conversion its type applies on the way in. */
function columnPropertiesOf(em: EntityManager, entity: EntityName<object>): ColumnProperty[] {
  const meta = em.getMetadata().get(entity);
  let known = columnProperties.get(meta);
  if (known === undefined) {
    known = (meta.props as EntityProperty[])
      .filter((prop) => prop.kind === 'scalar' && prop.fieldNames?.length === 1 && prop.persist !== false)
      .map((prop) => {
        const type = prop.customType;
        return { name: prop.name, column: prop.fieldNames[0]!, convert: type === undefined ? undefined : (value, platform) => type.convertToJSValue(value, platform) };
      });
    columnProperties.set(meta, known);
  }
  return known;
}

/**
 * An entity's properties from a row of its table's columns (extra columns ignored), converted as the ORM converts
 * them (bigint ids to numbers, numeric to numbers, …), as a plain object outside any unit of work: for a read nothing
 * will flush, it skips what `em.map` pays for change tracking — the identity map, the hydrator and the snapshot of
 * the original values. Not an entity instance: `wrap()` and flushing do not apply to it.
 */
export function detachedRow<T extends object>(em: EntityManager, entity: EntityName<T>, columns: Readonly<Record<string, unknown>>): T {
  const platform = em.getPlatform();
  const row: Record<string, unknown> = {};
  for (const { name, column, convert } of columnPropertiesOf(em, entity as EntityName<object>)) {
    const value = columns[column];
    if (value === undefined) continue;
    row[name] = value === null || convert === undefined ? value : convert(value, platform);
  }
  return row as T;
}
