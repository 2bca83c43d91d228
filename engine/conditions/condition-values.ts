import type { FactType } from '../../definitions/fact-catalogue.schema.ts';
import { dayKeyOfCalendarText, instantOfText } from './calendar-days.ts';

/**
 * Condition values in the form every evaluator compares: text as is, numbers, booleans, days as yyyymmdd keys and
 * instants as epoch milliseconds. A datetime fact compared with days ('2024-05-01') is compared by its local date in
 * the evaluation time zone; compared with instants, by the instant.
 */
export type Comparable = string | number | boolean;

export type Granularity = 'plain' | 'day' | 'instant';

/** How a leaf on a fact of this type compares, judged from its values; 'mixed' when datetime values disagree. */
export function granularityOf(type: FactType, values: readonly unknown[]): Granularity | 'mixed' {
  if (type === 'date') return 'day';
  if (type !== 'datetime') return 'plain';
  const days = values.filter((v) => typeof v === 'string' && dayKeyOfCalendarText(v) !== undefined).length;
  if (days === values.length) return 'day';
  return days === 0 ? 'instant' : 'mixed';
}

/** The comparable form of one condition value, or undefined when it does not suit the fact type and granularity. */
export function comparableValue(type: FactType, granularity: Granularity, value: unknown): Comparable | undefined {
  switch (type) {
    case 'string':
    case 'enum':
      return typeof value === 'string' ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'date':
    case 'datetime':
      if (typeof value !== 'string') return undefined;
      return granularity === 'instant' ? instantOfText(value) : dayKeyOfCalendarText(value);
  }
}
