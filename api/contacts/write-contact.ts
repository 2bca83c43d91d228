import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { Problem } from '../../engine/validation/problem.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { customFieldValues, phoneValue } from '../customers/customer-values.ts';
import { contactDocument, type ContactDocument, type ContactRow } from './contact-document.ts';
import { duplicateContactPhone } from './contact-problems.ts';
import { Contact } from './contact.entity.ts';

/** The values of a contact as a request gives them; absent keys keep the stored value on an update. */
export interface ContactInput {
  name?: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  isPrimary?: boolean;
  customFields?: Record<string, unknown>;
}

/** Problems with the values themselves: the phone must be a number, custom fields must fit their definitions. */
export function contactValueProblems(input: ContactInput, fields: readonly FieldDefinition[], existing?: ContactRow): Problem[] {
  const problems: Problem[] = [];
  const phone = input.phone === undefined ? undefined : phoneValue(input.phone, '/phone');
  if (phone !== undefined && 'code' in phone) problems.push(phone);
  problems.push(
    ...customFieldValues(input.customFields ?? {}, fields, {
      path: '/customFields',
      requireAll: existing === undefined,
      ...(existing === undefined ? {} : { existing: existing.customFields }),
    }).problems,
  );
  return problems;
}

async function refuseRepeatedPhone(em: EntityManager, customerId: number, normalized: string | null, exceptId: number, shownName: (name: string) => string | undefined) {
  if (normalized === null) return;
  const [other] = await em.find(Contact, { customerId, phoneNormalized: normalized, deletedAt: null, id: { $ne: exceptId } }, { limit: 1 });
  if (other !== undefined) throw duplicateContactPhone({ id: other.id, name: shownName(other.name) });
}

/**
 * Creates or changes a contact under a customer whose row the caller holds locked (see customerForChildWrite), so
 * the phone check and the single primary contact cannot race. Values must have passed contactValueProblems. Every
 * contact it changes (a previous primary one too) gets its audit entry.
 */
export async function writeContact(
  context: CommandContext,
  customerId: number,
  input: ContactInput,
  fields: readonly FieldDefinition[],
  shownName: (name: string) => string | undefined,
  existing?: ContactRow,
): Promise<ContactDocument> {
  const { em } = context;
  const phone = input.phone === undefined ? undefined : phoneValue(input.phone, '/phone');
  const phoneFields = phone === undefined || 'code' in phone ? undefined : phone;
  await refuseRepeatedPhone(em, customerId, phoneFields?.normalized ?? null, existing?.id ?? 0, shownName);
  if (input.isPrimary === true) {
    const previous = await em.find(Contact, { customerId, isPrimary: true, deletedAt: null, id: { $ne: existing?.id ?? 0 } });
    for (const contact of previous) {
      const before = contactDocument(contact);
      contact.isPrimary = false;
      contact.updatedAt = context.now;
      await em.flush();
      auditContact(context, 'update', before, contactDocument(contact), 'primaryMoved');
    }
  }
  const custom = customFieldValues(input.customFields ?? {}, fields, {
    path: '/customFields',
    requireAll: existing === undefined,
    ...(existing === undefined ? {} : { existing: existing.customFields }),
  }).values;

  if (existing === undefined) {
    const contact = em.create(Contact, {
      customerId,
      name: input.name!.trim(),
      title: input.title ?? null,
      phone: phoneFields?.phone ?? null,
      phoneNormalized: phoneFields?.normalized ?? null,
      email: input.email ?? null,
      wechat: input.wechat ?? null,
      isPrimary: input.isPrimary ?? false,
      customFields: custom,
      createdBy: context.actorId,
      createdAt: context.now,
      updatedAt: context.now,
      deletedAt: null,
      deletedBy: null,
    });
    await em.flush();
    const created = contactDocument(contact);
    auditContact(context, 'create', null, created, 'created');
    return created;
  }

  const before = contactDocument(existing);
  if (input.name !== undefined) existing.name = input.name.trim();
  if (input.title !== undefined) existing.title = input.title;
  if (phoneFields !== undefined) {
    existing.phone = phoneFields.phone;
    existing.phoneNormalized = phoneFields.normalized;
  }
  if (input.email !== undefined) existing.email = input.email;
  if (input.wechat !== undefined) existing.wechat = input.wechat;
  if (input.isPrimary !== undefined) existing.isPrimary = input.isPrimary;
  if (input.customFields !== undefined) existing.customFields = custom;
  existing.updatedAt = context.now;
  await em.flush();
  const after = contactDocument(existing);
  auditContact(context, 'update', before, after, 'edit');
  return after;
}

export function auditContact(
  context: CommandContext,
  action: string,
  before: ContactDocument | null,
  after: ContactDocument | null,
  reason: string,
): void {
  const document = (after ?? before)!;
  context.audit({
    entity: 'contact',
    recordId: document.id,
    customerId: document.customerId,
    action,
    before: before === null ? null : { ...before },
    after: after === null ? null : { ...after },
    why: { kind: 'reason', code: reason },
  });
}
