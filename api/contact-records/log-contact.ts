import type { CommandContext } from '../commands/command-context.ts';
import type { CustomerRow } from '../customers/customer-document.ts';
import { setCustomerActivity } from '../customers/customer-activity.ts';
import { scheduleContactReminder } from '../timers/reminder-timers.ts';
import type { ContactChannel } from './contact-channels.ts';
import { contactRecordDocument, type ContactRecordDocument } from './contact-record-document.ts';
import { ContactRecord } from './contact-record.entity.ts';

/** A contact to log, its values checked. `nextFollowUpAt` absent leaves the customer's follow-up date alone. */
export interface NewContactRecord {
  channel: ContactChannel;
  outcome: string;
  notes: string;
  occurredAt: Date;
  contactId: number | null;
  nextFollowUpAt?: Date | null;
  reminderAt: Date | null;
  authorId: number;
  /** Demo data backdates its records; everything else is logged now. */
  createdAt?: Date;
}

/**
 * Where the transitions slice plugs in: called inside the contact record's transaction, after the record and the
 * customer's counters are written, to send the customer's machine its CONTACT_LOGGED event (marking a target
 * customer contacted) in the same commit.
 */
export type ContactLoggedHook = (context: CommandContext, customer: CustomerRow, record: ContactRecordDocument) => Promise<void>;

/**
 * Logs a contact under a customer whose row the caller holds locked: writes the record, moves the customer's last
 * contact time, call count (calls only) and next follow-up date in the same transaction, audits both, and queues the
 * reminder (a durable timer that notifies the customer's owners when due). The counters do not bump the customer's
 * version: logging a call must not make an open edit form stale.
 */
export async function logContact(
  context: CommandContext,
  customer: CustomerRow,
  input: NewContactRecord,
  onContactLogged?: ContactLoggedHook,
): Promise<ContactRecordDocument> {
  const { em } = context;
  const createdAt = input.createdAt ?? context.now;
  const record = em.create(ContactRecord, {
    customerId: customer.id,
    contactId: input.contactId,
    channel: input.channel,
    outcome: input.outcome,
    notes: input.notes,
    occurredAt: input.occurredAt,
    nextFollowUpAt: input.nextFollowUpAt ?? null,
    reminderAt: input.reminderAt,
    authorId: input.authorId,
    createdAt,
    updatedAt: createdAt,
  });
  await em.flush();
  const document = contactRecordDocument(record);

  const iso = (date: Date | null | undefined) => (date == null ? null : date.toISOString());
  const before = { lastContactAt: iso(customer.lastContactAt), callCount: customer.callCount, nextFollowUpAt: iso(customer.nextFollowUpAt) };
  const lastContactAt =
    customer.lastContactAt != null && customer.lastContactAt > input.occurredAt ? customer.lastContactAt : input.occurredAt;
  const callCount = customer.callCount + (input.channel === 'call' ? 1 : 0);
  const nextFollowUpAt = input.nextFollowUpAt === undefined ? (customer.nextFollowUpAt ?? null) : input.nextFollowUpAt;
  await setCustomerActivity(em, customer.id, { lastContactAt, callCount, nextFollowUpAt });
  // Re-read rather than assign, so the unit of work sees no edit (and no version bump) while the hook sees new values.
  await em.refresh(customer);
  const after = { lastContactAt: iso(lastContactAt), callCount, nextFollowUpAt: iso(nextFollowUpAt) };

  context.audit({
    entity: 'contact_record',
    recordId: record.id,
    customerId: customer.id,
    action: 'create',
    before: null,
    after: { ...document },
    why: { kind: 'reason', code: 'contactLogged' },
  });
  context.audit({
    entity: 'customer',
    recordId: customer.id,
    customerId: customer.id,
    action: 'contact-logged',
    before,
    after,
    why: { kind: 'reason', code: 'contactLogged', contactRecordId: record.id },
  });
  if (input.reminderAt !== null) {
    await scheduleContactReminder(context, {
      contactRecordId: record.id,
      customerId: customer.id,
      authorId: input.authorId,
      at: input.reminderAt,
      channel: input.channel,
      outcome: input.outcome,
      notes: input.notes,
    });
  }
  await onContactLogged?.(context, customer, document);
  return document;
}
