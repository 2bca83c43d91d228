import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { ListSavedViewsQuery, SavedView } from './saved-view-bodies.schema.ts';
import { noSuchSavedView } from './saved-view-problems.ts';
import { savedViewColumns, savedViewOf, type SavedViewRow } from './saved-view-row.ts';

/** Administrators (those who manage users) see and may change every view; the rest their own and their role's. */
export function managesAllViews(caller: SignedIn): boolean {
  return caller.role.permissions.mayManageUsers === true;
}

const visibleSql = '(owner_id = $1 or $2 = any(shared_with_roles) or $3::boolean)';

function visibility(caller: SignedIn): unknown[] {
  return [caller.user.id, caller.role.key, managesAllViews(caller)];
}

/** The views the caller sees: their own first, then shared ones, each by name. */
export async function listSavedViews(orm: MikroORM, caller: SignedIn, query: ListSavedViewsQuery): Promise<{ items: SavedView[] }> {
  const rows = await boundQuery<SavedViewRow>(
    orm.em.fork(),
    `select ${savedViewColumns} from saved_view where ${visibleSql} and ($4::text is null or entity = $4)
     order by owner_id = $1 desc, name->>'en', id limit $5`,
    [...visibility(caller), query.entity ?? null, query.limit ?? 50],
  );
  return { items: rows.map((row) => savedViewOf(row, caller.user.id)) };
}

/** A view the caller sees, or a 404 whether it does not exist or is not theirs to see. */
export async function visibleSavedViewRow(em: EntityManager, caller: SignedIn, id: number, lock = false): Promise<SavedViewRow> {
  const [row] = await boundQuery<SavedViewRow>(
    em,
    `select ${savedViewColumns} from saved_view where id = $4 and ${visibleSql} ${lock ? 'for update' : ''}`,
    [...visibility(caller), id],
  );
  if (row === undefined) throw noSuchSavedView(id);
  return row;
}

export async function findSavedView(orm: MikroORM, caller: SignedIn, id: number): Promise<SavedView> {
  return savedViewOf(await visibleSavedViewRow(orm.em.fork(), caller, id), caller.user.id);
}
