import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { factByName } from '../../engine/conditions/catalogue-facts.ts';
import { pointer, problem, type LocalizedText, type Locale, type Problem } from '../../engine/validation/problem.ts';
import type { ColumnField, RecordFieldAccess } from '../customers/record-field-access.ts';

/** One column of an exported sheet: its key as `columns=` names it, its header, and its cell for a visible record. */
export interface ExportColumn {
  key: string;
  header: LocalizedText;
  cell(view: Readonly<Record<string, unknown>>, locale: Locale): string | number | Date | null;
}

/** The built-in fields of a record view an export may carry, beyond the role-governed column fields. */
export interface ExportableFields {
  columnFields: readonly ColumnField[];
  /** View keys in sheet order (column fields and catalogue facts among them), each with a header when no fact has one. */
  keys: ReadonlyArray<{ key: string; header?: LocalizedText }>;
}

const yesNo: Record<Locale, [string, string]> = { en: ['yes', 'no'], 'zh-CN': ['是', '否'] };
const listSeparator: Record<Locale, string> = { en: ', ', 'zh-CN': '、' };
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A value as a spreadsheet cell: an option by its label, yes / no in words, lists joined, instants as dates. */
function cellValue(value: unknown, fact: FactDefinition | undefined, locale: Locale): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => String(cellValue(item, fact, locale) ?? '')).join(listSeparator[locale]);
  if (typeof value === 'boolean') return yesNo[locale][value ? 0 : 1];
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const option = fact?.options?.find((candidate) => candidate.value === value);
    if (option !== undefined) return option.label[locale];
    if (isoInstant.test(value)) return new Date(value);
    return value;
  }
  return JSON.stringify(value);
}

/**
 * Every column the role may export, in sheet order: the view's built-in fields and each custom field of the catalogue
 * (`custom.<key>`). Hidden fields are left out; masked ones stay, their cells masked by the view.
 */
export function exportableColumns(fields: ExportableFields, catalogue: FactCatalogue, access: RecordFieldAccess): ExportColumn[] {
  const columnFields = new Map(fields.columnFields.map((field) => [field.key, field]));
  const builtIn = fields.keys
    .filter(({ key }) => access.columns.get(key)?.access !== 'hidden')
    .map(({ key, header }): ExportColumn => {
      const fact = factByName(catalogue, key);
      return {
        key,
        header: columnFields.get(key)?.label ?? fact?.label ?? header ?? { en: key, 'zh-CN': key },
        cell: (view, locale) => cellValue(view[key], fact, locale),
      };
    });
  const custom = catalogue.facts
    .filter((fact) => fact.source.kind === 'customField')
    .flatMap((fact): ExportColumn[] => {
      const key = (fact.source as { key: string }).key;
      if (access.custom.get(key)?.access === 'hidden') return [];
      return [
        {
          key: fact.name,
          header: fact.label,
          cell: (view, locale) => cellValue((view['customFields'] as Record<string, unknown> | undefined)?.[key], fact, locale),
        },
      ];
    });
  return [...builtIn, ...custom];
}

/**
 * The columns `columns=a,b,c` asks for, in that order, or every exportable one when absent. A name that is no field is
 * a 400 problem, a field hidden from the role a 403 one, each naming `/query/columns/<index>`.
 */
export function chosenColumns(
  requested: string | undefined,
  exportable: readonly ExportColumn[],
  hidden: (key: string) => boolean,
): { columns: ExportColumn[]; invalid: Problem[]; forbidden: Problem[] } {
  if (requested === undefined) return { columns: [...exportable], invalid: [], forbidden: [] };
  const byKey = new Map(exportable.map((column) => [column.key, column]));
  const columns: ExportColumn[] = [];
  const invalid: Problem[] = [];
  const forbidden: Problem[] = [];
  for (const [index, raw] of requested.split(',').entries()) {
    const key = raw.trim();
    const at = pointer('/query/columns', index);
    const column = byKey.get(key);
    if (column !== undefined) columns.push(column);
    else if (hidden(key)) {
      forbidden.push(problem(at, 'list.fieldHidden', `"${key}" is hidden from your role; it cannot be exported.`, `“${key}”对您的角色不可见，不能导出。`));
    } else invalid.push(problem(at, 'export.unknownColumn', `There is no column "${key}" to export.`, `没有可导出的列“${key}”。`));
  }
  return { columns, invalid, forbidden };
}
