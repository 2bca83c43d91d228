import type { FromSchema } from 'json-schema-to-ts';
import {
  defaultClaimQuotaPerDay,
  rolePermissionFlags,
  roleSchema,
  type RoleDocument,
  type RolePermissionFlag,
} from '../../definitions/role.schema.ts';

const permissionsSchema = {
  type: 'object',
  properties: Object.fromEntries(rolePermissionFlags.map((flag) => [flag, { type: 'boolean' }])) as {
    readonly [F in RolePermissionFlag]: { readonly type: 'boolean' };
  },
  required: rolePermissionFlags,
  additionalProperties: false,
} as const;

/** A role document with every default filled in: what permission checks read, and what GET /api/roles shows. */
export const effectiveRoleSchema = {
  title: 'Effective role',
  type: 'object',
  properties: {
    key: roleSchema.properties.key,
    labels: roleSchema.properties.labels,
    visibility: roleSchema.properties.visibility,
    claimQuotaPerDay: { type: 'integer', minimum: 0, description: 'customers a holder may claim from the pool per day' },
    permissions: permissionsSchema,
    fieldPermissions: roleSchema.properties.fieldPermissions,
  },
  required: ['key', 'labels', 'visibility', 'claimQuotaPerDay', 'permissions', 'fieldPermissions'],
  additionalProperties: false,
} as const;

export type EffectiveRole = FromSchema<typeof effectiveRoleSchema>;

export function effectiveRole(document: RoleDocument): EffectiveRole {
  return {
    key: document.key,
    labels: document.labels,
    visibility: document.visibility,
    claimQuotaPerDay: document.claimQuotaPerDay ?? defaultClaimQuotaPerDay,
    permissions: Object.fromEntries(rolePermissionFlags.map((flag) => [flag, document[flag] === true])) as Record<
      RolePermissionFlag,
      boolean
    >,
    fieldPermissions: document.fieldPermissions ?? {},
  };
}
