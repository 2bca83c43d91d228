import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { validateCondition } from '../../engine/conditions/validate-condition.ts';
import type { KeysetPosition } from '../../engine/lists/compile-keyset-order.ts';
import { conditionLeaves } from '../../engine/lists/condition-leaves.ts';
import { decodeListCursor } from '../../engine/lists/list-cursor.ts';
import { parseSort, sortText, type SortLevel } from '../../engine/lists/list-sort.ts';
import { problem, type LocalizedText, type Problem } from '../../engine/validation/problem.ts';
import { HttpProblem, validationFailed } from '../http/http-problem.ts';
import type { RecordFieldAccess } from '../customers/record-field-access.ts';
import { listFieldProblems } from './list-field-permissions.ts';

/** A list request's filter, sort and position, checked against the catalogue and the role's field permissions. */
export interface ListRequest {
  filter: Condition | undefined;
  sort: SortLevel[];
  /** The sort in short text form; cursors carry it. */
  sortKey: string;
  after: KeysetPosition | undefined;
}

function listForbidden(problems: readonly Problem[]): HttpProblem {
  return new HttpProblem(
    403,
    'forbidden',
    { en: 'Not allowed', 'zh-CN': '无权操作' },
    {
      en: `Your role may not filter or sort by ${problems.length} of the fields named; each is listed with the reason.`,
      'zh-CN': `您的角色无权按所列的 ${problems.length} 个字段筛选或排序，每个字段都列出了原因。`,
    },
    problems,
  );
}

/**
 * Reads `filter` (a condition as JSON), `sort` and `cursor` from a list query. Malformed or meaningless input is a
 * 400 naming `/query/filter/…`, `/query/sort/<level>` or `/query/cursor`; a field the role may not filter or sort by
 * is a 403 naming the leaf or level. `legacyCursor` reads the plain ids older clients page with, when unsorted.
 */
export function readListRequest(
  query: { filter?: string; sort?: string; cursor?: string },
  catalogue: FactCatalogue,
  access: RecordFieldAccess,
  role: LocalizedText,
): ListRequest {
  const problems: Problem[] = [];
  let filter: Condition | undefined;
  if (query.filter !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(query.filter);
    } catch {
      problems.push(problem('/query/filter', 'filter.malformed', 'The filter is not valid JSON.', '筛选条件不是有效的 JSON。'));
    }
    if (parsed !== undefined) {
      const found = validateCondition(parsed, catalogue, '/query/filter');
      if (found.length === 0) filter = parsed as Condition;
      problems.push(...found);
    }
  }
  const sorted = query.sort === undefined ? { levels: [], problems: [] } : parseSort(query.sort, catalogue, '/query/sort');
  problems.push(...sorted.problems);
  const sortKey = sortText(sorted.levels);
  let after: KeysetPosition | undefined;
  if (query.cursor !== undefined) {
    after =
      sorted.levels.length === 0 && /^[1-9][0-9]{0,15}$/.test(query.cursor)
        ? { values: [], id: Number(query.cursor) }
        : decodeListCursor(query.cursor, sortKey, sorted.levels.length);
    if (after === undefined) {
      problems.push(
        problem(
          '/query/cursor',
          'list.badCursor',
          'This cursor does not belong to this list: pass the nextCursor of the previous page with the same sort.',
          '此游标不属于当前列表：请传入上一页返回的 nextCursor，并保持排序不变。',
        ),
      );
    }
  }
  if (problems.length > 0) throw validationFailed(problems);
  assertListFieldsAllowed(filter, sorted.levels, catalogue, access, role, { filter: '/query/filter', sort: '/query/sort' });
  return { filter, sort: sorted.levels, sortKey, after };
}

/** Throws the 403 naming each leaf and sort level that uses a field the role may not filter or sort by. */
export function assertListFieldsAllowed(
  filter: Condition | undefined,
  sort: readonly SortLevel[],
  catalogue: FactCatalogue,
  access: RecordFieldAccess,
  role: LocalizedText,
  paths: { filter: string; sort: string },
): void {
  const refused = listFieldProblems(access, catalogue, role, {
    leaves: filter === undefined ? [] : conditionLeaves(filter, paths.filter),
    sort,
    sortPath: paths.sort,
  });
  if (refused.length > 0) throw listForbidden(refused);
}
