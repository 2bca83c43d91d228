import { defineEntity, p } from '@mikro-orm/core';
import type { RoleDocument } from '../../definitions/role.schema.ts';

/** A role as the organisation runs it now: its document (definitions/role.schema.ts) and an edit counter. */
export const Role = defineEntity({
  name: 'Role',
  tableName: 'role',
  properties: {
    key: p.string().length(40).primary(),
    document: p.json<RoleDocument>(),
    version: p.integer().default(1),
  },
});
