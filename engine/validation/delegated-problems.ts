import type { Problem } from './problem.ts';

/** A part of a document whose own validator (conditions, effects) explains its problems better than the schema. */
export interface DelegatedPart {
  path: string;
  value: unknown;
  validate: (value: unknown, path: string) => Problem[];
  /** Keep the schema's problems at the part's own path (an empty effect list), which its validator does not judge. */
  keepOwnPath?: boolean;
}

/**
 * Replaces the schema's problems inside delegated parts with what their own validators say. A missing part stays
 * reported by the schema ("required"); duplicates of the same path and code are dropped.
 */
export function mergeDelegatedProblems(schemaProblems: readonly Problem[], parts: readonly DelegatedPart[]): Problem[] {
  const isDelegated = (p: Problem) =>
    parts.some(
      (part) =>
        p.path.startsWith(`${part.path}/`) ||
        (p.path === part.path && part.keepOwnPath !== true && p.code !== 'schema.required'),
    );
  const problems = schemaProblems.filter((p) => !isDelegated(p));
  for (const part of parts) {
    if (part.value === undefined) continue;
    for (const p of part.validate(part.value, part.path)) {
      if (!problems.some((q) => q.path === p.path && q.code === p.code)) problems.push(p);
    }
  }
  return problems;
}
