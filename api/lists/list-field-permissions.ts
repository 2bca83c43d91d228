import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { FieldAccess } from '../../definitions/field-definitions.schema.ts';
import { factByName } from '../../engine/conditions/catalogue-facts.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { pointer, problem, type LocalizedText, type Problem } from '../../engine/validation/problem.ts';
import type { RecordFieldAccess } from '../customers/record-field-access.ts';

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The role's access to the field a fact reads: a custom field by its key, a column (or days since a column) by the
 * column's camelCase name as fieldPermissions spell it. Facts on no restricted field (stage, ownership) are open.
 */
export function accessOfFact(fact: FactDefinition, access: RecordFieldAccess): FieldAccess {
  const source = fact.source;
  if (source.kind === 'customField') return access.custom.get(source.key)?.access ?? 'write';
  if (source.kind === 'column' || source.kind === 'daysSince') return access.columns.get(camelCase(source.column))?.access ?? 'write';
  return 'write';
}

const emptinessOperators = new Set(['isEmpty', 'isNotEmpty']);

function refused(path: string, label: LocalizedText, role: LocalizedText, what: 'filter' | 'sort', level: FieldAccess): Problem {
  if (what === 'filter' && level === 'masked') {
    return problem(
      path,
      'list.fieldMasked',
      `"${label.en}" is masked for your role (${role.en}); filter it only by empty or not empty.`,
      `“${label['zh-CN']}”对您的角色（${role['zh-CN']}）已脱敏，只能按“为空 / 不为空”筛选。`,
    );
  }
  const state = level === 'masked' ? { en: 'masked for', zh: '已脱敏' } : { en: 'hidden from', zh: '不可见' };
  const verb = what === 'filter' ? { en: 'filter', zh: '筛选' } : { en: 'sort', zh: '排序' };
  return problem(
    path,
    level === 'masked' ? 'list.fieldMasked' : 'list.fieldHidden',
    `"${label.en}" is ${state.en} your role (${role.en}); you may not ${verb.en} by it.`,
    `“${label['zh-CN']}”对您的角色（${role['zh-CN']}）${state.zh}，不能按它${verb.zh}。`,
  );
}

/**
 * What a list request may not do with the role's field permissions: filter or sort by a hidden field, sort by a
 * masked one, or filter a masked one other than by empty / not empty (anything else would reveal the value bit by
 * bit). Each problem names the leaf's `fact` or the sort level.
 */
export function listFieldProblems(
  access: RecordFieldAccess,
  catalogue: FactCatalogue,
  role: LocalizedText,
  request: { leaves: ReadonlyArray<{ fact: string; operator: string; path: string }>; sort: readonly SortLevel[]; sortPath: string },
): Problem[] {
  const problems: Problem[] = [];
  for (const leaf of request.leaves) {
    const fact = factByName(catalogue, leaf.fact);
    if (fact === undefined) continue;
    const level = accessOfFact(fact, access);
    if (level === 'hidden') problems.push(refused(pointer(leaf.path, 'fact'), fact.label, role, 'filter', level));
    else if (level === 'masked' && !emptinessOperators.has(leaf.operator)) problems.push(refused(pointer(leaf.path, 'operator'), fact.label, role, 'filter', level));
  }
  for (const [index, sortLevel] of request.sort.entries()) {
    const fact = factByName(catalogue, sortLevel.fact);
    if (fact === undefined) continue;
    const level = accessOfFact(fact, access);
    if (level === 'hidden' || level === 'masked') problems.push(refused(pointer(request.sortPath, String(index)), fact.label, role, 'sort', level));
  }
  return problems;
}
