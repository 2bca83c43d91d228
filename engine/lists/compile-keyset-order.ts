import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import { factSqlExpression } from '../conditions/fact-sql-expression.ts';
import { quoteIdentifier, type SqlParameters } from '../conditions/sql-parameters.ts';
import type { SortLevel } from './list-sort.ts';

/** The values of one row's sort keys as text (null when empty) and its id: what a cursor carries. */
export interface KeysetPosition {
  values: Array<string | null>;
  id: number;
}

export interface KeysetOrder {
  /** `key::text as sort_0, …` for the SELECT list, so the last row of a page can become a cursor. */
  selectSql: string;
  /** The ORDER BY list: the levels, empty values last, then the id (newest first) so ties have one order. */
  orderBySql: string;
  /** Column names of the keys in `selectSql`, in level order. */
  keyColumns: string[];
  /** A condition that holds for exactly the rows after `position` in this order. */
  after(position: KeysetPosition): string;
}

interface SortKey {
  sql: string;
  cast: string;
  direction: 'asc' | 'desc';
}

/**
 * The key a level orders by, in the same expression the condition compiler uses for the fact: text in byte order
 * (collate "C", so the order does not depend on the database's locale) with '' counted as empty; a choice by the
 * position of its option in the catalogue (stages in the machine's order, levels A before B), an unknown value empty.
 */
function sortKeyOf(fact: FactDefinition, table: string, parameters: SqlParameters): Omit<SortKey, 'direction'> {
  const expression = factSqlExpression(fact, 'instant', table, parameters);
  if (fact.type === 'enum' && fact.options !== undefined && fact.options.length > 0) {
    const options = parameters.bind(fact.options.map((option) => option.value), 'text[]');
    return { sql: `array_position(${options}, ${expression.sql})`, cast: 'int' };
  }
  if (expression.isText) return { sql: `(nullif(${expression.sql}, '') collate "C")`, cast: 'text' };
  return { sql: expression.sql, cast: expression.valueCast };
}

/**
 * Compiles sort levels into ORDER BY and keyset conditions over the entity table alias. Levels must have passed
 * validateSort. Cursor values are bound, cast back to the key's type; they travel as PostgreSQL's own text form,
 * which reads back exactly (timestamps with their offset, floats in shortest exact form).
 */
export function compileKeysetOrder(
  levels: readonly SortLevel[],
  catalogue: FactCatalogue,
  options: { tableAlias: string; parameters: SqlParameters },
): KeysetOrder {
  const table = quoteIdentifier(options.tableAlias);
  const id = `${table}."id"`;
  const keys: SortKey[] = levels.map((level) => {
    const fact = factByName(catalogue, level.fact);
    if (fact === undefined) throw new Error(`Sort by unknown fact ${level.fact}: validate the sort first.`);
    return { ...sortKeyOf(fact, table, options.parameters), direction: level.direction };
  });
  const keyColumns = keys.map((_, index) => `sort_${index}`);
  return {
    selectSql: keys.map((key, index) => `(${key.sql})::text as ${keyColumns[index]}`).join(', '),
    orderBySql: [...keys.map((key) => `${key.sql} ${key.direction} nulls last`), `${id} desc`].join(', '),
    keyColumns,
    after(position) {
      if (position.values.length !== keys.length) throw new Error('The cursor belongs to another sort.');
      const disjuncts: string[] = [];
      const equalSoFar: string[] = [];
      for (const [index, key] of keys.entries()) {
        const value = position.values[index] ?? null;
        if (value === null) {
          // Empty values come last and are equal among themselves: nothing after them on this level.
          equalSoFar.push(`${key.sql} is null`);
          continue;
        }
        const bound = options.parameters.bind(value, key.cast);
        const beyond = `(${key.sql} ${key.direction === 'asc' ? '>' : '<'} ${bound} or ${key.sql} is null)`;
        disjuncts.push([...equalSoFar, beyond].join(' and '));
        equalSoFar.push(`${key.sql} = ${bound}`);
      }
      disjuncts.push([...equalSoFar, `${id} < ${options.parameters.bind(position.id, 'bigint')}`].join(' and '));
      return `(${disjuncts.map((part) => `(${part})`).join(' or ')})`;
    },
  };
}
