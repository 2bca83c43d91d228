import type { SignedIn } from '../auth/signed-in.ts';
import type { CallScript } from './call-script-bodies.schema.ts';

/** A call_script row as PostgreSQL returns it (bigints as text). */
export interface CallScriptRow {
  id: string;
  kind: 'personal' | 'reference';
  owner_id: string | null;
  title: string;
  body: string;
  stages: string[];
  tags: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const callScriptColumns = 'id, kind, owner_id, title, body, stages, tags, created_at, updated_at, version';

/** Reference scripts are kept by those who run the team (reassign) or the definitions: managers and administrators. */
export function keepsReferenceScripts(caller: SignedIn): boolean {
  return caller.role.permissions.mayReassign || caller.role.permissions.mayManageDefinitions;
}

/** Whether the caller may change or delete the script: their own, or a reference one they keep. */
export function mayEditCallScript(caller: SignedIn, row: Pick<CallScriptRow, 'kind' | 'owner_id'>): boolean {
  return row.kind === 'reference' ? keepsReferenceScripts(caller) : Number(row.owner_id) === caller.user.id;
}

export function callScriptOf(row: CallScriptRow, caller: SignedIn): CallScript {
  return {
    id: Number(row.id),
    kind: row.kind,
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    title: row.title,
    body: row.body,
    stages: row.stages,
    tags: row.tags,
    editable: mayEditCallScript(caller, row),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
