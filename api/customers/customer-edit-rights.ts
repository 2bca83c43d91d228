import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { editableFieldsOf, holdsStagePermission } from './customer-stage.ts';
import type { RecordFieldAccess } from './record-field-access.ts';

/** The customer columns a request may set; the rest (counters, dates the system keeps) are the system's. */
export const settableColumns = ['name', 'phone', 'keywords', 'doNotCall', 'contractEndsOn'] as const;

/** Why nothing of a customer may change now, for the form to say instead of offering fields. */
export type EditRefusal = 'sharedCustomer' | 'stageForbids';

/** The records a caller may open under a customer (POST /api/customers/:id/<records>). */
export const childRecords = ['contact', 'opportunity', 'order', 'ticket'] as const;
export type ChildRecord = (typeof childRecords)[number];

export interface EditRights {
  /** Column and custom-field keys the caller may change now, columns first. */
  fields: string[];
  refusal?: EditRefusal;
  /** What the caller may open under the customer now: what its create endpoints would accept. */
  mayCreate: ChildRecord[];
}

/**
 * What the caller may change of a customer now — what `PATCH /api/customers/:id` would accept: fields their role
 * may write (autoNumbers are the system's), none of a pool customer without `mayEditShared`, none in a stage whose
 * permission table withholds `edit`, and of the rest only the stage's `editableFields` when it lists them.
 */
export function customerEditRights(
  caller: SignedIn,
  customer: { stage: string; ownership: string },
  machine: MachineDefinition,
  access: RecordFieldAccess,
): EditRights {
  // Records under a customer follow customerForChildWrite: any customer the caller sees; on a pool customer without
  // mayEditShared only a ticket (a complaint may come from anyone), as the create commands decide.
  if (customer.ownership === 'pool' && !caller.role.permissions.mayEditShared) return { fields: [], refusal: 'sharedCustomer', mayCreate: ['ticket'] };
  const mayCreate = [...childRecords];
  if (!holdsStagePermission(machine, customer.stage, caller.role.key, 'edit')) return { fields: [], refusal: 'stageForbids', mayCreate };
  const writable = [
    ...settableColumns.filter((key) => access.columns.get(key)?.access === 'write'),
    ...[...access.custom].filter(([, field]) => field.access === 'write' && field.type !== 'autoNumber').map(([key]) => key),
  ];
  const stageAllows = editableFieldsOf(machine, customer.stage);
  return { fields: stageAllows === undefined ? writable : writable.filter((key) => stageAllows.includes(key)), mayCreate };
}
