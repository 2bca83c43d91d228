import type { FromSchema } from 'json-schema-to-ts';
import { entityNames } from './entity.schema.ts';
import { fieldAccessLevels } from './field-definitions.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/** Which records a role sees: every record, its team's, or only those its holder owns. */
export const recordVisibilities = ['all', 'team', 'own'] as const;
export type RecordVisibility = (typeof recordVisibilities)[number];

/** The yes/no rights a role grants; each is false unless the role document says true. */
export const rolePermissionFlags = [
  'mayEditShared',
  'mayExport',
  'mayManageDefinitions',
  'mayReassign',
  'mayManageUsers',
  'mayPurge',
  'mayImport',
] as const;
export type RolePermissionFlag = (typeof rolePermissionFlags)[number];

export const defaultClaimQuotaPerDay = 20;

const flag = { type: 'boolean', default: false } as const;

/**
 * A role: what its holders see and may do. Role keys follow the field definitions' role-key form, because a field's
 * own `permissions` name roles by the same key.
 */
export const roleSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/role.json',
  title: 'Role',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    key: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 40 },
    labels: localizedTextSchema,
    visibility: { enum: recordVisibilities },
    claimQuotaPerDay: { type: 'integer', minimum: 0, maximum: 10000, default: defaultClaimQuotaPerDay },
    maxOwnedCustomers: {
      type: 'integer',
      minimum: 0,
      maximum: 1000000,
      description: 'most live customers a holder may own as primary owner; claims and assignments beyond it are refused (absent: no limit)',
    },
    mayEditShared: flag,
    mayExport: flag,
    mayManageDefinitions: flag,
    mayReassign: flag,
    mayManageUsers: { ...flag, description: 'create users and teams, change roles, deactivate accounts' },
    mayPurge: { ...flag, description: 'erase records from the recycle bin for good (the audit trail keeps them)' },
    mayImport: { ...flag, description: 'import customers from spreadsheets (.xlsx, .csv)' },
    fieldPermissions: {
      description: 'entity → field key → access; the stricter of this and the field definition’s own access applies',
      type: 'object',
      propertyNames: { enum: entityNames },
      additionalProperties: {
        type: 'object',
        propertyNames: { type: 'string', pattern: '^[a-z][A-Za-z0-9_]*$', maxLength: 64 },
        additionalProperties: { enum: fieldAccessLevels },
      },
    },
  },
  required: ['key', 'labels', 'visibility'],
  additionalProperties: false,
} as const;

// Defaults are documentation here (validation does not fill them in); effectiveRole applies them.
export type RoleDocument = FromSchema<typeof roleSchema, { keepDefaultedPropertiesOptional: true }>;
