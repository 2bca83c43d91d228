import type { EntityManager } from '@mikro-orm/postgresql';
import { roleSchema, type RoleDocument } from '../../definitions/role.schema.ts';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { Role } from './role.entity.ts';

const checkRole = compileSchemaCheck(roleSchema);

/** What is wrong with a role document that a template lists under `expectedKey`, each with its JSON path. */
export function roleDocumentProblems(document: unknown, expectedKey: string): Problem[] {
  const problems = schemaProblems(checkRole, document, '');
  const key = (document as { key?: unknown } | null)?.key;
  if (problems.length === 0 && key !== expectedKey) {
    problems.push(problem('/key', 'role.keyMismatch', `The manifest lists this role as "${expectedKey}".`, `模板清单中此角色的键为“${expectedKey}”。`));
  }
  return problems;
}

/**
 * Adds a template's role unless a role with its key exists: an organisation's own edits to a role outlive
 * installing another template that ships a role of the same key.
 */
export async function installRole(em: EntityManager, document: RoleDocument): Promise<boolean> {
  if ((await em.count(Role, { key: document.key })) > 0) return false;
  em.create(Role, { key: document.key, document, version: 1 });
  return true;
}
