import type { FactDefinition, FactSource } from '../../definitions/fact-catalogue.schema.ts';
import { dayKeyFromIndex, dayKeyOfShapedText, dayIndexFromCivil } from './calendar-days.ts';
import type { Comparable, Granularity } from './condition-values.ts';
import type { PreparedContext } from './evaluation-context.ts';
import { localDayIndex } from './time-zone-days.ts';

/**
 * A fact row is the entity's row as PostgreSQL returns it: snake_case column keys, `custom_fields` an object,
 * timestamps as Date or ISO text, numeric columns as text, plus the aggregate columns the catalogue names.
 */
export type FactRow = Readonly<Record<string, unknown>>;

/** A fact's value in comparable form; null stands for missing, SQL NULL and values of the wrong type alike. */
export type FactValue = Comparable | null;

export type FactReader = (row: FactRow, context: PreparedContext) => FactValue;

// Both sides accept the same numerals in custom fields; more digits than a double holds would compare differently.
export const customNumeralPattern = '^-?[0-9]{1,15}([.][0-9]{1,15})?$';
const customNumeral = new RegExp(customNumeralPattern);
export const largestCustomNumber = 1e300;

const numeralOfColumn = /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

function textOf(raw: unknown): FactValue {
  return typeof raw === 'string' ? raw : null;
}

function numberOfColumn(raw: unknown): FactValue {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  // numeric and bigint columns arrive as text from node-postgres.
  if (typeof raw === 'string' && numeralOfColumn.test(raw)) return Number(raw);
  return null;
}

function numberOfCustomField(raw: unknown): FactValue {
  if (typeof raw === 'number') return Math.abs(raw) <= largestCustomNumber ? raw : null;
  if (typeof raw === 'string' && customNumeral.test(raw)) return Number(raw);
  return null;
}

function booleanOf(raw: unknown): FactValue {
  return typeof raw === 'boolean' ? raw : null;
}

/** node-postgres parses `date` columns to local midnight; its local fields give the calendar day back. */
function dayKeyOfColumn(raw: unknown): FactValue {
  if (typeof raw === 'string') return dayKeyOfShapedText(raw) ?? null;
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    return dayKeyFromIndex(dayIndexFromCivil(raw.getFullYear(), raw.getMonth() + 1, raw.getDate()));
  }
  return null;
}

function instantOf(raw: unknown): number | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.getTime();
  if (typeof raw === 'string') {
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

function customFieldOf(row: FactRow, key: string): unknown {
  const fields = row['custom_fields'];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  return Object.hasOwn(fields, key) ? (fields as Record<string, unknown>)[key] : null;
}

function rawReader(source: FactSource): (row: FactRow) => unknown {
  switch (source.kind) {
    case 'column':
    case 'daysSince':
      return (row) => row[source.column];
    case 'customField':
      return (row) => customFieldOf(row, source.key);
    case 'countToday':
    case 'exists':
      return (row) => row[source.aggregateColumn];
  }
}

/** How to read a fact from a fact row, for comparisons at the given granularity (see condition-values.ts). */
export function compileFactReader(fact: FactDefinition, granularity: Granularity): FactReader {
  const raw = rawReader(fact.source);
  const custom = fact.source.kind === 'customField';
  if (fact.source.kind === 'daysSince') {
    return (row, context) => {
      const instant = instantOf(raw(row));
      return instant === null
        ? null
        : context.todayIndex - localDayIndex(instant, context.timeZone, context.offsetHint);
    };
  }
  switch (fact.type) {
    case 'string':
    case 'enum':
      return (row) => textOf(raw(row));
    case 'number':
      return custom ? (row) => numberOfCustomField(raw(row)) : (row) => numberOfColumn(raw(row));
    case 'boolean':
      return (row) => booleanOf(raw(row));
    case 'date':
      return custom
        ? (row) => {
            const value = raw(row);
            return typeof value === 'string' ? (dayKeyOfShapedText(value) ?? null) : null;
          }
        : (row) => dayKeyOfColumn(raw(row));
    case 'datetime':
      if (granularity === 'day') {
        return (row, context) => {
          const instant = instantOf(raw(row));
          return instant === null
            ? null
            : dayKeyFromIndex(localDayIndex(instant, context.timeZone, context.offsetHint));
        };
      }
      return (row) => instantOf(raw(row));
  }
}
