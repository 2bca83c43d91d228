import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { CreateSavedViewBody, SavedView, UpdateSavedViewBody } from './saved-view-bodies.schema.ts';
import { indexCustomFieldsOfSharedView } from '../lists/custom-field-indexes.ts';
import type { ListedEntity } from '../lists/record-list-catalogue.ts';
import { checkSavedViewContent } from './saved-view-checks.ts';
import { savedViewNotYours } from './saved-view-problems.ts';
import { savedViewColumns, savedViewOf, type SavedViewRow } from './saved-view-row.ts';
import { managesAllViews, visibleSavedViewRow } from './saved-views.queries.ts';

const why = (code: string) => ({ kind: 'reason', code }) as const;

export async function createSavedView(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: CreateSavedViewBody): Promise<SavedView> {
  const content = {
    columns: body.columns ?? [],
    filter: (body.filter ?? null) as SavedViewRow['filter'],
    sort: body.sort ?? [],
    sharedWithRoles: body.sharedWithRoles ?? [],
  };
  await checkSavedViewContent(orm.em.fork(), caller, body.entity, content);
  const created = await runCommand(orm, origin, async (context) => {
    const [row] = await boundQuery<SavedViewRow>(
      context.em,
      `insert into saved_view (entity, owner_id, name, columns, filter, sort, shared_with_roles, created_at, updated_at)
       values ($1, $2, $3::jsonb, $4::text[], $5::jsonb, $6::jsonb, $7::text[], $8, $8) returning ${savedViewColumns}`,
      [body.entity, caller.user.id, JSON.stringify(body.name), content.columns, content.filter === null ? null : JSON.stringify(content.filter),
        JSON.stringify(content.sort), content.sharedWithRoles, context.now],
    );
    const view = savedViewOf(row!, caller.user.id);
    context.audit({ entity: 'savedView', recordId: view.id, customerId: null, action: 'create', before: null, after: view, why: why('savedView.create') });
    return view;
  });
  await indexCustomFieldsOfSharedView(orm, { ...created, entity: body.entity, filter: content.filter });
  return created;
}

export async function updateSavedView(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  version: number | undefined,
  body: UpdateSavedViewBody,
): Promise<SavedView> {
  const updated = await runCommand(orm, origin, async (context) => {
    const current = await visibleSavedViewRow(context.em, caller, id, true);
    if (Number(current.owner_id) !== caller.user.id && !managesAllViews(caller)) throw savedViewNotYours();
    if (version !== undefined && version !== current.version) throw recordChangedSinceLoaded(current.version);
    const next = {
      name: body.name ?? current.name,
      columns: body.columns ?? current.columns,
      filter: (body.filter === undefined ? current.filter : body.filter) as SavedViewRow['filter'],
      sort: body.sort ?? current.sort,
      sharedWithRoles: body.sharedWithRoles ?? current.shared_with_roles,
    };
    await checkSavedViewContent(context.em, caller, current.entity as ListedEntity, next);
    const [row] = await boundQuery<SavedViewRow>(
      context.em,
      `update saved_view set name = $2::jsonb, columns = $3::text[], filter = $4::jsonb, sort = $5::jsonb, shared_with_roles = $6::text[],
              updated_at = $7, version = version + 1
       where id = $1 returning ${savedViewColumns}`,
      [id, JSON.stringify(next.name), next.columns, next.filter === null ? null : JSON.stringify(next.filter), JSON.stringify(next.sort),
        next.sharedWithRoles, context.now],
    );
    const after = savedViewOf(row!, caller.user.id);
    context.audit({ entity: 'savedView', recordId: id, customerId: null, action: 'update', before: savedViewOf(current, caller.user.id), after, why: why('savedView.update') });
    return after;
  });
  await indexCustomFieldsOfSharedView(orm, { ...updated, entity: updated.entity as ListedEntity, filter: updated.filter as SavedViewRow['filter'] });
  return updated;
}

export async function deleteSavedView(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number): Promise<void> {
  await runCommand(orm, origin, async (context) => {
    const current = await visibleSavedViewRow(context.em, caller, id, true);
    if (Number(current.owner_id) !== caller.user.id && !managesAllViews(caller)) throw savedViewNotYours();
    await boundQuery(context.em, 'delete from saved_view where id = $1', [id]);
    context.audit({ entity: 'savedView', recordId: id, customerId: null, action: 'delete', before: savedViewOf(current, caller.user.id), after: null, why: why('savedView.delete') });
  });
}
