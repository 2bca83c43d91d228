import type { ListField, ValueShape } from '../api/list-fields.ts';

/**
 * The filter builder's model and its translation to and from the condition language the lists take
 * (docs/lists.md#filtering): rows of field · operator · values, joined by AND or OR, with groups one level deep.
 * Values are kept as the inputs hold them (text); the field's type turns them into the condition's values.
 */
export type Join = 'all' | 'any';

export interface FilterRow {
  kind: 'row';
  key: number;
  fact: string;
  operator: string;
  values: string[];
}

export interface FilterGroup {
  kind: 'group';
  key: number;
  join: Join;
  rows: FilterRow[];
}

export interface FilterDraft {
  join: Join;
  items: Array<FilterRow | FilterGroup>;
}

export interface Leaf {
  fact: string;
  operator: string;
  value?: unknown;
}
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** What the operator takes on the field, as the list says (`valueShapes`); one value for what it does not name. */
export const shapeOf = (field: ListField | undefined, operator: string): ValueShape => field?.valueShapes[operator] ?? 'single';

export const emptyDraft: FilterDraft = { join: 'all', items: [] };

// Keys only tell rows apart for React and for problems by row; they never reach the API.
let lastKey = 0;
const nextKey = () => ++lastKey;

/** A new row on the field, with its first operator and as many empty values as that operator takes. */
export function newRow(field: ListField | undefined): FilterRow {
  const operator = field?.operators[0] ?? 'equal';
  return { kind: 'row', key: nextKey(), fact: field?.name ?? '', operator, values: valuesFor(shapeOf(field, operator), []) };
}

export function newGroup(field: ListField | undefined): FilterGroup {
  return { kind: 'group', key: nextKey(), join: 'any', rows: [newRow(field)] };
}

/** The values kept when the operator changes: as many as the new one takes (a list keeps what it had). */
export function valuesFor(shape: ValueShape, current: readonly string[]): string[] {
  switch (shape) {
    case 'none':
      return [];
    case 'single':
      return [current[0] ?? ''];
    case 'pair':
      return [current[0] ?? '', current[1] ?? ''];
    case 'list':
      return current.filter((value) => value !== '');
  }
}

/** A row on another field: the operator stays when the field offers it, else the field's first; values start empty. */
export function rowOnField(row: FilterRow, field: ListField): FilterRow {
  const operator = field.operators.includes(row.operator) ? row.operator : (field.operators[0] ?? row.operator);
  return { ...row, fact: field.name, operator, values: valuesFor(shapeOf(field, operator), []) };
}

function typedValue(text: string, field: ListField | undefined): unknown {
  if (field?.type === 'number') return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  if (field?.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function leafOf(row: FilterRow, fields: ReadonlyMap<string, ListField>): Leaf {
  const field = fields.get(row.fact);
  const shape = shapeOf(field, row.operator);
  if (shape === 'none') return { fact: row.fact, operator: row.operator };
  const values = (shape === 'list' ? row.values.filter((value) => value !== '') : row.values).map((value) => typedValue(value, field));
  return { fact: row.fact, operator: row.operator, value: shape === 'single' ? values[0] : values };
}

/**
 * The condition the draft says, and for each row the JSON pointer of its leaf inside it (so a problem the list
 * answers at `/query/filter/all/1/any/0/value` finds its row). Rows without a field are left out; an empty draft
 * is no filter at all.
 */
export function conditionOfDraft(draft: FilterDraft, fields: ReadonlyMap<string, ListField>): { condition: Condition | undefined; rowPaths: Map<string, number> } {
  const rowPaths = new Map<string, number>();
  const chosen = (rows: readonly FilterRow[]) => rows.filter((row) => row.fact !== '');
  const top: Condition[] = [];
  for (const item of draft.items) {
    const at = `/${draft.join}/${top.length}`;
    if (item.kind === 'row') {
      if (item.fact === '') continue;
      rowPaths.set(at, item.key);
      top.push(leafOf(item, fields));
      continue;
    }
    const rows = chosen(item.rows);
    if (rows.length === 0) continue;
    rows.forEach((row, index) => rowPaths.set(`${at}/${item.join}/${index}`, row.key));
    top.push(item.join === 'all' ? { all: rows.map((row) => leafOf(row, fields)) } : { any: rows.map((row) => leafOf(row, fields)) });
  }
  if (top.length === 0) return { condition: undefined, rowPaths };
  return { condition: draft.join === 'all' ? { all: top } : { any: top }, rowPaths };
}

const isLeaf = (condition: Condition): condition is Leaf => 'fact' in condition;
const groupOf = (condition: Condition): { join: Join; items: Condition[] } | undefined =>
  'all' in condition ? { join: 'all', items: condition.all } : 'any' in condition ? { join: 'any', items: condition.any } : undefined;

function rowOfLeaf(leaf: Leaf): FilterRow {
  const values = leaf.value === undefined ? [] : Array.isArray(leaf.value) ? leaf.value.map(textOf) : [textOf(leaf.value)];
  return { kind: 'row', key: nextKey(), fact: leaf.fact, operator: leaf.operator, values };
}

/**
 * The builder's rows for a condition (a saved view's), or undefined when the condition is deeper than the builder
 * shows (a `not`, groups inside groups): such a filter is applied as it is but cannot be edited here.
 */
export function draftOfCondition(condition: Condition | null | undefined): FilterDraft | undefined {
  if (condition === null || condition === undefined) return { join: 'all', items: [] };
  if (isLeaf(condition)) return { join: 'all', items: [rowOfLeaf(condition)] };
  const top = groupOf(condition);
  if (top === undefined) return undefined;
  const items: Array<FilterRow | FilterGroup> = [];
  for (const item of top.items) {
    if (isLeaf(item)) {
      items.push(rowOfLeaf(item));
      continue;
    }
    const inner = groupOf(item);
    if (inner === undefined || !inner.items.every(isLeaf)) return undefined;
    items.push({ kind: 'group', key: nextKey(), join: inner.join, rows: (inner.items as Leaf[]).map(rowOfLeaf) });
  }
  return { join: top.join, items };
}

/**
 * A list problem's messages by the row whose leaf its path lies in (`/query/filter/all/1/value` → that row);
 * the rest — a problem about the whole filter, the sort — stays general.
 */
export function problemsByRow(
  errors: ReadonlyArray<{ path: string; message: string }>,
  rowPaths: ReadonlyMap<string, number>,
  prefix = '/query/filter',
): { byRow: Map<number, string[]>; general: string[] } {
  const byRow = new Map<number, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const inFilter = error.path === prefix || error.path.startsWith(`${prefix}/`) ? error.path.slice(prefix.length) : undefined;
    const row = inFilter === undefined ? undefined : [...rowPaths].find(([path]) => inFilter === path || inFilter.startsWith(`${path}/`))?.[1];
    if (row === undefined) general.push(error.message);
    else byRow.set(row, [...(byRow.get(row) ?? []), error.message]);
  }
  return { byRow, general };
}
