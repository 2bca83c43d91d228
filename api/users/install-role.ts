import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import { Role } from './role.entity.ts';

/**
 * Adds a template's role unless a role with its key exists: an organisation's own edits to a role outlive
 * installing another template that ships a role of the same key.
 */
export async function installRole(em: EntityManager, document: RoleDocument): Promise<boolean> {
  if ((await em.count(Role, { key: document.key })) > 0) return false;
  em.create(Role, { key: document.key, document, version: 1 });
  return true;
}
