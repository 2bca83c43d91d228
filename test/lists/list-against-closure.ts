import { expect } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { compileConditionToPredicate, compileFactRowSelect, type FactRow } from '../../engine/conditions/index.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { api } from '../support/records-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

/** Every row of a list in its order, following nextCursor, with the total each page reported. */
export async function listAll(app: TestApp, path: string, cookie: string, filter: unknown, sort: readonly SortLevel[], limit: number) {
  const ids: number[] = [];
  const totals: number[] = [];
  let cursor: string | null | undefined;
  do {
    const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: String(limit) });
    if (sort.length > 0) query.set('sort', JSON.stringify(sort));
    if (cursor) query.set('cursor', cursor);
    const response = await api(app, 'GET', `${path}?${query}`, { cookie });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    ids.push(...response.body.items.map((item: { id: number }) => item.id));
    totals.push(response.body.total);
    cursor = response.body.nextCursor;
    expect(totals.length).toBeLessThan(100);
  } while (cursor !== null);
  return { ids, totals };
}

/**
 * Checks one list against the engine's closure for a filter: the whole filtered set read in one page is what the
 * closure selects among the live rows (`live`, by default those not deleted), pages of `limit` add up to it in the
 * same order, each page reports its size as the total, and `restricted` (another caller) sees exactly the rows of it
 * `maySee` allows, in the same order.
 */
export async function expectListMatchesClosure(
  app: TestApp,
  list: { path: string; table: string; alias: string; catalogue: FactCatalogue; live?: string },
  check: { filter: Condition; sort: readonly SortLevel[]; limit: number; timeZone: string; admin: string },
  restricted: { cookie: string; maySee(id: number): boolean },
): Promise<void> {
  const context = { now: Date.now(), timeZone: check.timeZone };
  const select = compileFactRowSelect(list.catalogue, { context, tableAlias: list.alias });
  const { rows } = await app.schema.pool.query(`select ${select.sql} from ${list.table} ${list.alias} where ${list.live ?? `${list.alias}.deleted_at is null`}`, select.params);
  const predicate = compileConditionToPredicate(check.filter, list.catalogue).prepare(context);
  const expected = new Set((rows as FactRow[]).filter(predicate).map((row) => Number(row['id'])));

  const whole = await listAll(app, list.path, check.admin, check.filter, check.sort, 200);
  expect(new Set(whole.ids)).toEqual(expected);
  expect(whole.ids.length).toBe(expected.size);
  const paged = await listAll(app, list.path, check.admin, check.filter, check.sort, check.limit);
  expect(paged.ids).toEqual(whole.ids);
  for (const total of paged.totals) expect(total).toBe(expected.size);

  const seen = await listAll(app, list.path, restricted.cookie, check.filter, check.sort, check.limit);
  expect(seen.ids).toEqual(whole.ids.filter((id) => restricted.maySee(id)));
}
