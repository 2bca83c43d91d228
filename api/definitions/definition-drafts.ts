import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Problem } from '../../engine/validation/problem.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { versionRequired } from '../users/user-problems.ts';
import type { DesignerKind } from './definition-kinds.ts';
import { definitionProblems } from './validate-definition.ts';
import { isoTimestampSql } from '../database/iso-timestamp-sql.ts';

/** A definition's work in progress: one per kind and key, changed only with the revision the editor last saw. */
export interface DefinitionDraft {
  document: unknown;
  baseVersion: number | null;
  revision: number;
  updatedAt: string;
  updatedBy: number | null;
}

export interface SavedDraft {
  revision: number;
  updatedAt: string;
  problems: Problem[];
}

export async function findDraft(em: EntityManager, kind: DesignerKind, key: string): Promise<DefinitionDraft | undefined> {
  const [row] = await boundQuery<DefinitionDraft>(
    em,
    `select document, base_version as "baseVersion", revision, ${isoTimestampSql('updated_at')} as "updatedAt", updated_by::int as "updatedBy"
     from definition_draft where kind = $1 and key = $2`,
    [kind, key],
  );
  return row;
}

/**
 * Saves the draft, valid or not (it is work in progress), and answers what publishing it would refuse. A first draft
 * is created without If-Match; a later save must name the revision it replaces (428 without, 409 when someone saved
 * since), so two admins editing one definition never overwrite each other unseen.
 */
export async function saveDraft(
  orm: MikroORM,
  origin: CommandOrigin,
  target: { kind: DesignerKind; key: string },
  body: { document: unknown; baseVersion: number | null },
  expectedRevision: number | undefined,
): Promise<SavedDraft> {
  const em = orm.em.fork();
  const { kind, key } = target;
  const values = [kind, key, JSON.stringify(body.document), body.baseVersion, origin.actorId];
  const [saved] =
    expectedRevision === undefined
      ? await boundQuery<{ revision: number; updatedAt: string }>(
          em,
          `insert into definition_draft (kind, key, document, base_version, updated_by) values ($1, $2, $3::jsonb, $4, $5)
           on conflict (kind, key) do nothing returning revision, ${isoTimestampSql('updated_at')} as "updatedAt"`,
          values,
        )
      : await boundQuery<{ revision: number; updatedAt: string }>(
          em,
          `update definition_draft set document = $3::jsonb, base_version = $4, updated_by = $5, updated_at = now(), revision = revision + 1
           where kind = $1 and key = $2 and revision = $6 returning revision, ${isoTimestampSql('updated_at')} as "updatedAt"`,
          [...values, expectedRevision],
        );
  if (saved === undefined) {
    const current = await findDraft(em, kind, key);
    if (expectedRevision === undefined && current !== undefined) throw versionRequired();
    throw recordChangedSinceLoaded(current?.revision);
  }
  return { ...saved, problems: await definitionProblems(em, kind, key, body.document) };
}

/** Drops the draft (after publishing, or when the admin abandons it); nothing happens when there is none. */
export async function deleteDraft(em: EntityManager, kind: DesignerKind, key: string): Promise<void> {
  await boundExecute(em, 'delete from definition_draft where kind = $1 and key = $2', [kind, key]);
}

/** Saves an imported document as the draft, replacing whatever draft there was (the import is the admin's choice). */
export async function replaceDraft(em: EntityManager, origin: CommandOrigin, kind: DesignerKind, key: string, document: unknown): Promise<SavedDraft> {
  const [saved] = await boundQuery<{ revision: number; updatedAt: string }>(
    em,
    `insert into definition_draft (kind, key, document, base_version, updated_by)
     values ($1::varchar, $2::varchar, $3::jsonb, (select max(version) from definition_version where kind = $1::varchar and key = $2::varchar), $4)
     on conflict (kind, key) do update set document = excluded.document, base_version = excluded.base_version,
       updated_by = excluded.updated_by, updated_at = now(), revision = definition_draft.revision + 1
     returning revision, ${isoTimestampSql('updated_at')} as "updatedAt"`,
    [kind, key, JSON.stringify(document), origin.actorId],
  );
  return { ...saved!, problems: [] };
}
