import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { boundQuery } from '../database/bound-query.ts';
import { notFound } from '../http/http-problem.ts';
import { designerKinds, titleOf, type DesignerKind } from './definition-kinds.ts';
import { findDraft } from './definition-drafts.ts';
import { definitionProblems } from './validate-definition.ts';
import { isoTimestampSql } from '../database/iso-timestamp-sql.ts';

export interface DefinitionListItem {
  kind: DesignerKind;
  key: string;
  title: LocalizedText | null;
  latestVersion: number | null;
  publishedAt: string | null;
  draft: { revision: number; updatedAt: string; updatedBy: number | null } | null;
}

export interface PublishedVersion {
  version: number;
  document: unknown;
  publishedAt: string;
  publishedBy: number | null;
  note: string | null;
  source: string;
}

/**
 * Every definition the designer edits: the latest published version of each, and the ones that so far exist only
 * as a draft; a draft's title wins over the published one (it is what the admin is naming it now).
 */
export async function listDefinitions(em: EntityManager): Promise<DefinitionListItem[]> {
  const rows = await boundQuery<{
    kind: DesignerKind;
    key: string;
    latest: unknown;
    draftDocument: unknown;
    latestVersion: number | null;
    publishedAt: string | null;
    revision: number | null;
    updatedAt: string | null;
    updatedBy: number | null;
  }>(
    em,
    `with latest as (
       select distinct on (kind, key) kind, key, version, document, published_at from definition_version
       where kind = any($1) order by kind, key, version desc
     )
     select coalesce(l.kind, d.kind) as kind, coalesce(l.key, d.key) as key, l.document as latest, d.document as "draftDocument",
            l.version as "latestVersion", ${isoTimestampSql('l.published_at')} as "publishedAt",
            d.revision, ${isoTimestampSql('d.updated_at')} as "updatedAt", d.updated_by::int as "updatedBy"
     from latest l full join definition_draft d on d.kind = l.kind and d.key = l.key
     where coalesce(l.kind, d.kind) = any($1)
     order by 1, 2`,
    [designerKinds],
  );
  return rows.map((row) => ({
    kind: row.kind,
    key: row.key,
    title: titleOf(row.draftDocument) ?? titleOf(row.latest),
    latestVersion: row.latestVersion,
    publishedAt: row.publishedAt,
    draft: row.revision === null ? null : { revision: row.revision, updatedAt: row.updatedAt!, updatedBy: row.updatedBy },
  }));
}

const versionColumns = `version, document, ${isoTimestampSql('published_at')} as "publishedAt", published_by::int as "publishedBy", note, source`;

/** One published version; the latest when `version` is absent; undefined when there is none. */
export async function findVersion(em: EntityManager, kind: DesignerKind, key: string, version?: number): Promise<PublishedVersion | undefined> {
  const [row] = await boundQuery<PublishedVersion>(
    em,
    `select ${versionColumns} from definition_version where kind = $1 and key = $2 and ($3::int is null or version = $3)
     order by version desc limit 1`,
    [kind, key, version ?? null],
  );
  return row;
}

/** The history of a definition, newest first, without the documents. */
export async function listVersions(em: EntityManager, kind: DesignerKind, key: string): Promise<Array<Omit<PublishedVersion, 'document'>>> {
  return boundQuery(
    em,
    `select version, ${isoTimestampSql('published_at')} as "publishedAt", published_by::int as "publishedBy", note, source
     from definition_version where kind = $1 and key = $2 order by version desc`,
    [kind, key],
  );
}

/** The designer's view of one definition: its latest version and its draft with what publishing it would refuse. */
export async function definitionDetail(em: EntityManager, kind: DesignerKind, key: string) {
  const [latest, draft] = [await findVersion(em, kind, key), await findDraft(em, kind, key)];
  if (latest === undefined && draft === undefined) throw noSuchDefinition(kind, key);
  return {
    kind,
    key,
    latest:
      latest === undefined
        ? null
        : { version: latest.version, document: latest.document, publishedAt: latest.publishedAt, publishedBy: latest.publishedBy, note: latest.note },
    draft:
      draft === undefined
        ? null
        : {
            document: draft.document,
            baseVersion: draft.baseVersion,
            revision: draft.revision,
            updatedAt: draft.updatedAt,
            problems: await definitionProblems(em, kind, key, draft.document),
          },
  };
}

export function noSuchDefinition(kind: string, key: string, version?: number) {
  const which = version === undefined ? `${kind} "${key}"` : `version ${version} of ${kind} "${key}"`;
  const whichZh = version === undefined ? `${kind}“${key}”` : `${kind}“${key}”的第 ${version} 版`;
  return notFound({ en: `There is no ${which}.`, 'zh-CN': `不存在${whichZh}。` });
}
