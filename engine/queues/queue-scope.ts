import { quoteIdentifier } from '../conditions/sql-parameters.ts';

export type BindValue = (value: unknown, cast: string) => string;

/** A named subquery a scope's SQL refers to, computed once per statement however many sections use it. */
export interface QueueCommonTable {
  name: string;
  sql(bind: BindValue): string;
}

/**
 * Which rows of a section's entity are the caller's to work: decided by the API (ownership lives there), handed to
 * the engine as SQL over an alias with its values bound through `bind`.
 */
export interface QueueScope {
  /**
   * The FROM item the rows come from, named `alias`; without it, the entity's table. A scope may hand in a narrower
   * subquery with the table's columns (the caller's rows through the indexes that find them fastest).
   */
  from?(alias: string, bind: BindValue): string;
  where(alias: string, bind: BindValue): string;
  /** Extra output columns over the alias, e.g. the record's customer id. */
  columns?(alias: string): string[];
  /** Subqueries `from` and `where` name, in the order they depend on each other; one name means one meaning. */
  commonTables?: readonly QueueCommonTable[];
}

/**
 * The common tables of one statement: each scope's are bound once, the first time a name is met, and written as
 * MATERIALIZED so that sections sharing them read them once.
 */
export class QueueCommonTables {
  readonly #bind: BindValue;
  readonly #tables = new Map<string, string>();

  constructor(bind: BindValue) {
    this.#bind = bind;
  }

  use(scope: QueueScope): void {
    for (const table of scope.commonTables ?? []) {
      if (!this.#tables.has(table.name)) this.#tables.set(table.name, table.sql(this.#bind));
    }
  }

  /** `with … ` to put before the statement, or nothing. */
  withClause(): string {
    if (this.#tables.size === 0) return '';
    return `with ${[...this.#tables].map(([name, sql]) => `${quoteIdentifier(name)} as materialized (${sql})`).join(', ')} `;
  }
}

/** The scope's FROM item for a table under an alias. */
export function queueScopeFrom(scope: QueueScope, table: string, alias: string, bind: BindValue): string {
  return scope.from === undefined ? `${quoteIdentifier(table)} as ${alias}` : scope.from(alias, bind);
}
