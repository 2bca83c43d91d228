import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { maskFieldValue } from '../../engine/fields/mask-field-value.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CustomerView } from './customer-view.schema.ts';
import type { EffectiveRole } from '../users/effective-role.ts';
import { customerColumnFields, type CustomerDocument } from './customer-document.ts';
import { customerScopeOf } from './customer-visibility.ts';
import type { Creator } from './insert-customer.ts';
import { recordFieldAccess, visibleDocument, type RecordFieldAccess } from './record-field-access.ts';

export function customerAccessOf(role: EffectiveRole, fields: readonly FieldDefinition[]): RecordFieldAccess {
  return recordFieldAccess('customer', role, customerColumnFields, fields);
}

/** What every customer response, list row, audit document and export goes through. */
export function customerView(document: CustomerDocument, access: RecordFieldAccess): CustomerView {
  return visibleDocument(document, access) as CustomerView;
}

/** A customer's name as this caller may see it: absent when hidden, masked when masked. */
export function shownNameFor(access: RecordFieldAccess): (name: string) => string | undefined {
  const level = access.columns.get('name')?.access ?? 'write';
  if (level === 'hidden') return () => undefined;
  if (level === 'masked') return (name) => maskFieldValue('text', name) ?? undefined;
  return (name) => name;
}

/** The caller as a creator of customers: machine actor, time zone, visibility and how they see duplicate names. */
export function creatorOf(caller: SignedIn, access: RecordFieldAccess): Creator {
  return {
    actor: { userId: String(caller.user.id), roles: [caller.role.key] },
    timeZone: caller.user.timeZone,
    scope: customerScopeOf(caller),
    shownName: shownNameFor(access),
  };
}
