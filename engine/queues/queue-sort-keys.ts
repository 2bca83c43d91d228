import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { QueuePolicy, QueueSection } from '../../definitions/queue-policy.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import { SqlParameters } from '../conditions/sql-parameters.ts';
import { queueFactSql } from './queue-due-sql.ts';

/** How a sort key's value travels in a position token and back into SQL. */
export type QueueKeyKind = 'rank' | 'text' | 'numeric' | 'float8' | 'boolean' | 'date' | 'instant';

/** One key a section orders by; the record id always follows the keys, so every item has one place. */
export interface QueueSortKey {
  /** Absent for the overdue rank (0: overdue, 1: not), the first key of an overdueFirst section. */
  fact?: FactDefinition;
  kind: QueueKeyKind;
  direction: 'asc' | 'desc';
  nulls: 'first' | 'last';
  nullable: boolean;
}

export class QueuePolicyError extends Error {
  override name = 'QueuePolicyError';
}

function factOf(catalogue: FactCatalogue, name: string, section: QueueSection): FactDefinition {
  const fact = factByName(catalogue, name);
  if (fact === undefined) throw new QueuePolicyError(`Queue section ${section.id}: "${name}" is not a fact of ${section.entity} records.`);
  return fact;
}

/** The section's due-date fact (its own dueFact, else the policy's); it must be a date or date-time. */
export function sectionDueFact(policy: QueuePolicy, section: QueueSection, catalogue: FactCatalogue): FactDefinition {
  const fact = factOf(catalogue, section.dueFact ?? policy.dueFact, section);
  if (fact.type !== 'date' && fact.type !== 'datetime') {
    throw new QueuePolicyError(`Queue section ${section.id}: "${fact.name}" is not a date, so it cannot place items in buckets.`);
  }
  return fact;
}

// Only the cast is wanted here; a fixed context satisfies facts that bind the clock (daysSince), and nothing is run.
const kindProbeContext = { now: 0, timeZone: 'UTC' };
const kindOfCast: Record<string, QueueKeyKind> = {
  text: 'text',
  numeric: 'numeric',
  float8: 'float8',
  boolean: 'boolean',
  date: 'date',
  timestamptz: 'instant',
};

/** The key kind of a fact: the type its SQL expression compares in. */
export function queueKeyKindOf(fact: FactDefinition): QueueKeyKind {
  const { valueCast } = queueFactSql(fact, '"probe"', new SqlParameters(1, kindProbeContext));
  const kind = kindOfCast[valueCast];
  if (kind === undefined) throw new QueuePolicyError(`Fact ${fact.name}: cannot order by a value of type ${valueCast}.`);
  return kind;
}

/**
 * The keys of a section in order: the overdue rank first when the section puts overdue items first, then its
 * orderBy facts. Empty values sort last unless the ordering says `nulls: first`, whichever the direction, so "by
 * amount, largest first" does not open with the orders that have none.
 */
export function queueSortKeys(policy: QueuePolicy, section: QueueSection, catalogue: FactCatalogue): QueueSortKey[] {
  const keys: QueueSortKey[] = [];
  if (section.overdueFirst === true) {
    sectionDueFact(policy, section, catalogue);
    keys.push({ kind: 'rank', direction: 'asc', nulls: 'last', nullable: false });
  }
  for (const ordering of section.orderBy) {
    const fact = factOf(catalogue, ordering.fact, section);
    keys.push({ fact, kind: queueKeyKindOf(fact), direction: ordering.direction, nulls: ordering.nulls ?? 'last', nullable: true });
  }
  return keys;
}
