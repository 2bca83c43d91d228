import type { LocalizedText } from '../../engine/validation/problem.ts';

/**
 * The kinds of definition the designer edits (`definition_version.kind`). Roles are live settings with a table of
 * their own (users/), so they stay out.
 */
export const designerKinds = ['machine', 'rule', 'queuePolicy', 'routingPolicy', 'leadConversion', 'factCatalogue', 'fieldDefinitions'] as const;

export type DesignerKind = (typeof designerKinds)[number];

/** The document property that must repeat a definition's key: its id, or for catalogues and fields the entity. */
export function keyPropertyOf(kind: DesignerKind): 'id' | 'entity' {
  return kind === 'factCatalogue' || kind === 'fieldDefinitions' ? 'entity' : 'id';
}

/** A definition's name as the designer lists it: a machine's label, another document's name; null when it has none. */
export function titleOf(document: unknown): LocalizedText | null {
  const { label, name } = (document ?? {}) as { label?: unknown; name?: unknown };
  const title = label ?? name;
  return typeof title === 'object' && title !== null && 'en' in title && 'zh-CN' in title ? (title as LocalizedText) : null;
}
