import type { EntityManager } from '@mikro-orm/postgresql';
import type { Condition } from '../../definitions/condition.schema.ts';
import { validateCondition } from '../../engine/conditions/validate-condition.ts';
import { validateSort, type SortLevel } from '../../engine/lists/list-sort.ts';
import { factByName } from '../../engine/conditions/catalogue-facts.ts';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { assertListFieldsAllowed } from '../lists/list-request.ts';
import { listFieldAccess, recordListCatalogue, type ListedEntity } from '../lists/record-list-catalogue.ts';

export interface SavedViewContent {
  columns: readonly string[];
  filter: Condition | null;
  sort: readonly SortLevel[];
  sharedWithRoles: readonly string[];
}

/**
 * The checks a list request gets, applied to a view before it is saved: the filter and sort against the entity's list
 * catalogue (400 at `/filter/…`, `/sort/<level>`), the saver's field permissions (403), columns that exist, roles
 * that exist. A role the view is shared with is not checked here: its holders get the list's own 403 if the view
 * filters on a field hidden from them.
 */
export async function checkSavedViewContent(em: EntityManager, caller: SignedIn, entity: ListedEntity, content: SavedViewContent): Promise<void> {
  const access = await listFieldAccess(em, entity, caller.role);
  const catalogue = await recordListCatalogue(em, entity, content.filter !== null || content.sort.length > 0 || content.columns.length > 0);
  const problems: Problem[] = [];
  if (content.filter !== null) problems.push(...validateCondition(content.filter, catalogue, '/filter'));
  problems.push(...validateSort(content.sort, catalogue, '/sort'));
  for (const [index, column] of content.columns.entries()) {
    if (factByName(catalogue, column) === undefined && !access.columns.has(column)) {
      problems.push(problem(pointer('/columns', index), 'savedView.unknownColumn', `There is no field "${column}".`, `没有字段“${column}”。`));
    }
  }
  if (content.sharedWithRoles.length > 0) {
    const known = new Set(
      (await boundQuery<{ key: string }>(em, 'select key from role where key = any($1::text[])', [content.sharedWithRoles])).map((row) => row.key),
    );
    for (const [index, key] of content.sharedWithRoles.entries()) {
      if (!known.has(key)) problems.push(problem(pointer('/sharedWithRoles', index), 'savedView.unknownRole', `There is no role "${key}".`, `没有角色“${key}”。`));
    }
  }
  if (problems.length > 0) throw validationFailed(problems);
  assertListFieldsAllowed(content.filter ?? undefined, content.sort, catalogue, access, caller.role.labels, { filter: '/filter', sort: '/sort' });
}
