import {
  defaultClaimQuotaPerDay,
  rolePermissionFlags,
  type RecordVisibility,
  type RoleDocument,
  type RolePermissionFlag,
} from '../../definitions/role.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';

/** A role document with every default filled in: what permission checks read. */
export interface EffectiveRole {
  key: string;
  labels: LocalizedText;
  visibility: RecordVisibility;
  claimQuotaPerDay: number;
  permissions: Record<RolePermissionFlag, boolean>;
  fieldPermissions: NonNullable<RoleDocument['fieldPermissions']>;
}

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
