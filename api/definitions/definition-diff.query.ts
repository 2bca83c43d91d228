import type { EntityManager } from '@mikro-orm/postgresql';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { sameJson } from '../../engine/diff/canonical-json.ts';
import { diffDefinitions, type DefinitionDiff } from '../../engine/diff/diff-definitions.ts';
import type { DesignerKind } from './definition-kinds.ts';
import { findDraft } from './definition-drafts.ts';
import { findVersion, noSuchDefinition } from './definition-versions.query.ts';

const noMigration = { disappearingStates: [], suggestedStateMap: {} };

/**
 * The behavioural changes from version `from` to version `to` (or the draft): the engine's diff for machines and
 * rules; for the other kinds one `definitionChanged` entry when the documents differ (their editors are forms, and
 * the changed document is shown whole).
 */
export async function diffVersions(em: EntityManager, kind: DesignerKind, key: string, from: number, to: number | 'draft'): Promise<DefinitionDiff> {
  const before = await findVersion(em, kind, key, from);
  if (before === undefined) throw noSuchDefinition(kind, key, from);
  const after = to === 'draft' ? (await findDraft(em, kind, key))?.document : (await findVersion(em, kind, key, to))?.document;
  if (after === undefined) throw noSuchDefinition(kind, key, to === 'draft' ? undefined : to);
  if (kind === 'machine') return diffDefinitions({ kind, before: before.document as MachineDefinition, after: after as MachineDefinition });
  if (kind === 'rule') return diffDefinitions({ kind, before: before.document as Rule, after: after as Rule });
  if (sameJson(before.document, after)) return { changes: [], migration: noMigration };
  return {
    changes: [{ kind: 'definitionChanged', path: '', summary: { en: 'The definition changed.', 'zh-CN': '定义已修改。' } }],
    migration: noMigration,
  };
}
