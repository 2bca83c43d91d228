import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { localDayStart, zoneOffsetMs } from '../../engine/conditions/time-zone-days.ts';
import type { LocalizedText, Problem } from '../../engine/validation/problem.ts';
import { dedupeKeyOf } from '../customers/customer-dedupe.ts';
import { customFieldValues, keywordValues, phoneValue } from '../customers/customer-values.ts';
import { customTargetPrefix, type BuiltInImportTarget, type ColumnMapping } from './import-columns.ts';
import type { CellValue } from './spreadsheet-rows.ts';

/** What one row of the file says about its customer, every value converted and checked. */
export interface ImportCandidate {
  rowNumber: number;
  name: string;
  phone: string | null;
  phoneNormalized: string | null;
  keywords: string[];
  stage: string;
  nextFollowUpAt: Date | null;
  doNotCall: boolean | null;
  contractEndsOn: string | null;
  customFields: Record<string, unknown>;
  /** The columns this row filled: an update changes only these. */
  given: ReadonlySet<BuiltInImportTarget | 'customFields'>;
}

/** Why a row (or one of its cells) was not imported, for the error report. */
export interface RowIssue {
  rowNumber: number;
  outcome: 'rejected' | 'skipped';
  column: string | null;
  value: string | null;
  reason: LocalizedText;
}

/** The mapping resolved against the file's header row: which column index feeds which target. */
export interface RowReading {
  columns: Array<{ index: number; header: string; target: string }>;
  fields: readonly FieldDefinition[];
  machine: MachineDefinition;
  /** The stage chosen for the whole file; a `stage` column overrides it row by row. */
  stage: string;
  /** Stages the importer may put customers in (their role may edit there). */
  allowedStages: ReadonlySet<string>;
  timeZone: string;
}

export function rowReading(
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  settings: Omit<RowReading, 'columns'>,
): RowReading {
  const columns = mapping.flatMap((column) => {
    const index = headers.indexOf(column.header);
    return column.target === null || index < 0 ? [] : [{ index, header: column.header, target: column.target }];
  });
  return { ...settings, columns };
}

const yes = new Set(['是', '有', '对', 'y', 'yes', 'true', '1', '√', '✓']);
const no = new Set(['否', '无', '不', 'n', 'no', 'false', '0', '']);

function textOf(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

const reason = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

/** A spreadsheet date cell is a wall-clock reading stored as UTC; dates written as text: 2026-03-01, 2026/3/1, 2026年3月1日. */
function calendarDateOf(value: CellValue): { date: string; time: string | null } | undefined {
  if (value instanceof Date) {
    const iso = value.toISOString();
    const time = iso.slice(11, 16);
    return { date: iso.slice(0, 10), time: time === '00:00' ? null : time };
  }
  const text = textOf(value);
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/u.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  if (match[4] === undefined) return { date, time: null };
  const [hour, minute] = [Number(match[4]), Number(match[5])];
  if (hour > 23 || minute > 59) return undefined;
  return { date, time: `${String(hour).padStart(2, '0')}:${match[5]}` };
}

/** The instant of a wall-clock date (and time, else the start of the day) in the importer's time zone. */
function instantOf(when: { date: string; time: string | null }, timeZone: string): Date {
  const dayIndex = Math.floor(Date.parse(`${when.date}T00:00:00Z`) / 86_400_000);
  if (when.time === null) return new Date(localDayStart(dayIndex, timeZone));
  const wall = Date.parse(`${when.date}T${when.time}:00Z`);
  return new Date(wall - zoneOffsetMs(wall - zoneOffsetMs(wall, timeZone), timeZone));
}

function customValueOf(field: FieldDefinition, value: CellValue): unknown {
  const text = textOf(value);
  switch (field.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(text.replace(/[,，\s]/gu, ''));
      return text === '' ? '' : Number.isFinite(number) ? number : text;
    }
    case 'date': {
      const when = calendarDateOf(value);
      if (when === undefined) return text;
      return field.withTime === true ? instantOf(when, 'UTC').toISOString() : when.date;
    }
    case 'dropdown': {
      // People write the option's label as often as its value.
      const options = field.options ?? [];
      const chosen = (text: string) =>
        options.find((option) => option.value === text || option.label['zh-CN'] === text || option.label.en === text)?.value ?? text;
      return field.multiple === true ? text.split(/[,，;；、]/u).map((part) => chosen(part.trim())).filter((part) => part !== '') : chosen(text);
    }
    default:
      return text;
  }
}

/**
 * One data row → a candidate customer, or the row's issues (one per bad cell, each naming its column and value).
 */
export function readImportRow(
  reading: RowReading,
  rowNumber: number,
  cells: readonly CellValue[],
): { candidate: ImportCandidate } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const reject = (column: string, value: CellValue, why: LocalizedText) =>
    issues.push({ rowNumber, outcome: 'rejected', column, value: textOf(value) || null, reason: why });
  const candidate: ImportCandidate = {
    rowNumber,
    name: '',
    phone: null,
    phoneNormalized: null,
    keywords: [],
    stage: reading.stage,
    nextFollowUpAt: null,
    doNotCall: null,
    contractEndsOn: null,
    customFields: {},
    given: new Set(),
  };
  const given = candidate.given as Set<BuiltInImportTarget | 'customFields'>;
  let nameHeader = reading.columns.find((column) => column.target === 'name')?.header ?? 'name';

  for (const { index, header, target } of reading.columns) {
    const value = cells[index] ?? null;
    const text = textOf(value);
    if (text === '') continue;
    if (target.startsWith(customTargetPrefix)) {
      const key = target.slice(customTargetPrefix.length);
      const field = reading.fields.find((candidateField) => candidateField.key === key);
      if (field === undefined) continue;
      candidate.customFields[key] = customValueOf(field, value);
      given.add('customFields');
      continue;
    }
    switch (target as BuiltInImportTarget) {
      case 'name':
        nameHeader = header;
        if ([...text].length > 200) reject(header, value, reason('The name is longer than 200 characters.', '客户名称超过 200 个字符。'));
        candidate.name = text;
        break;
      case 'phone': {
        const phone = phoneValue(typeof value === 'number' ? String(value) : text, '/phone');
        if ('code' in phone) reject(header, value, phone.message);
        else Object.assign(candidate, { phone: phone.phone, phoneNormalized: phone.normalized });
        break;
      }
      case 'keywords':
        candidate.keywords = keywordValues(text.split(/[,，;；、|]/u)).filter((keyword) => keyword !== '');
        break;
      case 'stage': {
        const stage = stageOf(reading.machine, text);
        if (stage === undefined) {
          const stages = Object.entries(reading.machine.states).filter(([, state]) => state.type !== 'final');
          reject(
            header,
            value,
            reason(
              `There is no stage "${text}"; write one of: ${stages.map(([, state]) => state.label.en).join(', ')}.`,
              `没有阶段“${text}”；请填写：${stages.map(([, state]) => state.label['zh-CN']).join('、')}。`,
            ),
          );
        } else if (!reading.allowedStages.has(stage)) {
          const label = reading.machine.states[stage]!.label;
          reject(header, value, reason(`Your role may not put customers in "${label.en}".`, `您的角色不能把客户放入“${label['zh-CN']}”。`));
        } else {
          candidate.stage = stage;
        }
        break;
      }
      case 'nextFollowUpAt':
      case 'contractEndsOn': {
        const when = calendarDateOf(value);
        if (when === undefined) {
          reject(header, value, reason('Is not a date: write it as 2026-03-01 (a time may follow: 2026-03-01 14:30).', '不是有效日期：请写成 2026-03-01（可带时间：2026-03-01 14:30）。'));
        } else if (target === 'nextFollowUpAt') {
          candidate.nextFollowUpAt = instantOf(when, reading.timeZone);
        } else {
          candidate.contractEndsOn = when.date;
        }
        break;
      }
      case 'doNotCall': {
        const key = typeof value === 'boolean' ? String(value) : dedupeKeyOf(text);
        if (yes.has(key)) candidate.doNotCall = true;
        else if (no.has(key)) candidate.doNotCall = false;
        else reject(header, value, reason('Write yes or no (是 / 否).', '请填写“是”或“否”。'));
        break;
      }
    }
    given.add(target as BuiltInImportTarget);
  }

  if (candidate.name === '') {
    issues.push({ rowNumber, outcome: 'rejected', column: nameHeader, value: null, reason: reason('The customer name is empty.', '客户名称为空。') });
  }
  const custom = customFieldValues(candidate.customFields, reading.fields, { path: '', requireAll: false });
  issues.push(...customFieldIssues(reading, rowNumber, cells, custom.problems));
  if (issues.length > 0) return { issues };
  candidate.customFields = custom.values;
  return { candidate };
}

/** A row that creates a customer needs every required custom field (one that updates keeps what is stored). */
export function missingRequiredFieldIssues(reading: RowReading, candidate: ImportCandidate): RowIssue[] {
  const custom = customFieldValues(candidate.customFields, reading.fields, { path: '', requireAll: true });
  return customFieldIssues(reading, candidate.rowNumber, [], custom.problems);
}

function customFieldIssues(reading: RowReading, rowNumber: number, cells: readonly CellValue[], problems: readonly Problem[]): RowIssue[] {
  return problems.map((problem) => {
    const key = problem.path.split('/')[1] ?? '';
    const column = reading.columns.find((mapped) => mapped.target === `${customTargetPrefix}${key}`);
    const field = reading.fields.find((definition) => definition.key === key);
    const value = column === undefined ? '' : textOf(cells[column.index] ?? null);
    return {
      rowNumber,
      outcome: 'rejected' as const,
      column: column?.header ?? field?.label['zh-CN'] ?? key,
      value: value === '' ? null : value,
      reason: problem.message,
    };
  });
}

/** A stage written by its key or its label in either language. */
function stageOf(machine: MachineDefinition, text: string): string | undefined {
  const key = dedupeKeyOf(text);
  return Object.entries(machine.states).find(
    ([stage, state]) => state.type !== 'final' && [stage, state.label.en, state.label['zh-CN']].some((name) => dedupeKeyOf(name) === key),
  )?.[0];
}
