import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { dedupeKeyOf } from '../customers/customer-dedupe.ts';

/** Where a spreadsheet column can go: a customer column, the row's own stage, or a custom field (`custom.<key>`). */
export const builtInImportTargets = ['name', 'phone', 'keywords', 'stage', 'nextFollowUpAt', 'doNotCall', 'contractEndsOn'] as const;
export type BuiltInImportTarget = (typeof builtInImportTargets)[number];
export type ImportTarget = BuiltInImportTarget | `custom.${string}`;

export const customTargetPrefix = 'custom.';

/** One column of the file and where its values go; `target: null` leaves the column out. */
export interface ColumnMapping {
  header: string;
  target: string | null;
}

const builtInLabels: Record<BuiltInImportTarget, LocalizedText> = {
  name: { en: 'Customer name', 'zh-CN': '客户名称' },
  phone: { en: 'Phone', 'zh-CN': '电话' },
  keywords: { en: 'Keywords', 'zh-CN': '关键词' },
  stage: { en: 'Stage', 'zh-CN': '阶段' },
  nextFollowUpAt: { en: 'Next follow-up', 'zh-CN': '下次跟进' },
  doNotCall: { en: 'Do not call', 'zh-CN': '勿扰' },
  contractEndsOn: { en: 'Contract ends on', 'zh-CN': '合同到期日' },
};

// Headers people write in their own sheets, compared after dedupeKeyOf (case, width and spaces ignored).
const builtInSynonyms: Record<BuiltInImportTarget, readonly string[]> = {
  name: ['客户名称', '客户名', '客户', '名称', '公司名称', '公司', '单位名称', 'name', 'customer', 'customername', 'company', 'companyname'],
  phone: ['电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', 'phone', 'mobile', 'tel', 'telephone', 'phonenumber'],
  keywords: ['关键词', '关键字', 'keywords', 'keyword', 'tags'],
  stage: ['阶段', '客户阶段', 'stage'],
  nextFollowUpAt: ['下次跟进', '下次跟进时间', '下次跟进日期', '下次回访', '回访日期', '下次回访日期', 'nextfollowup', 'nextfollow-up', 'followup'],
  doNotCall: ['勿扰', '禁止呼叫', '免打扰', 'donotcall', 'dnc'],
  contractEndsOn: ['合同到期日', '合同到期', '合同到期日期', 'contractendson', 'contractend', 'contractends'],
};

/** What the mapping step offers: every built-in target and the custom fields a file can fill (not auto numbers). */
export function importTargets(fields: readonly FieldDefinition[]): Array<{ target: ImportTarget; label: LocalizedText }> {
  return [
    ...builtInImportTargets.map((target) => ({ target, label: builtInLabels[target] })),
    ...fields
      .filter((field) => field.type !== 'autoNumber')
      .map((field) => ({ target: `${customTargetPrefix}${field.key}` as ImportTarget, label: field.label })),
  ];
}

export function isImportTarget(target: string, fields: readonly FieldDefinition[]): target is ImportTarget {
  return importTargets(fields).some((known) => known.target === target);
}

/**
 * A mapping guessed from the headers: built-in synonyms first, then custom fields by label (either language) or
 * key. Each target is given to the first column that names it; the rest stay unmapped (电话 and 手机 side by side:
 * the first is the phone).
 */
export function suggestedMapping(headers: readonly string[], fields: readonly FieldDefinition[]): ColumnMapping[] {
  const byKey = new Map<string, ImportTarget>();
  for (const target of builtInImportTargets) {
    for (const synonym of builtInSynonyms[target]) byKey.set(dedupeKeyOf(synonym), target);
  }
  for (const field of fields) {
    if (field.type === 'autoNumber') continue;
    const target = `${customTargetPrefix}${field.key}` as ImportTarget;
    for (const name of [field.key, field.label.en, field.label['zh-CN']]) {
      const key = dedupeKeyOf(name);
      if (!byKey.has(key)) byKey.set(key, target);
    }
  }
  const taken = new Set<string>();
  return headers.map((header) => {
    const target = byKey.get(dedupeKeyOf(header));
    if (target === undefined || taken.has(target)) return { header, target: null };
    taken.add(target);
    return { header, target };
  });
}

/** The header row: the first row with any text in it. Blank headers are named by their column letter. */
export function headersOf(cells: readonly unknown[]): string[] {
  return cells.map((cell, index) => {
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    return text === '' ? columnLetter(index) : text;
  });
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
