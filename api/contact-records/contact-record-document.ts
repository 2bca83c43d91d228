import type { InferEntity } from '@mikro-orm/core';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { contactOutcomes, type ContactChannel, type ContactOutcome } from './contact-channels.ts';
import type { ContactRecord } from './contact-record.entity.ts';

export type ContactRecordRow = InferEntity<typeof ContactRecord>;

/** How long the author may correct a contact record; after that it is history. */
export const contactRecordEditWindowMs = 24 * 60 * 60 * 1000;

export interface ContactRecordDocument {
  id: number;
  customerId: number;
  contactId: number | null;
  channel: ContactChannel;
  outcome: string;
  outcomeLabel: LocalizedText | null;
  notes: string;
  occurredAt: string;
  nextFollowUpAt: string | null;
  reminderAt: string | null;
  authorId: number;
  createdAt: string;
  updatedAt: string;
  /** Until when its author may still correct it. */
  editableUntil: string;
  version: number;
}

export function contactRecordDocument(row: ContactRecordRow): ContactRecordDocument {
  return {
    id: row.id,
    customerId: row.customerId,
    contactId: row.contactId ?? null,
    channel: row.channel,
    outcome: row.outcome,
    outcomeLabel: contactOutcomes[row.outcome as ContactOutcome] ?? null,
    notes: row.notes,
    occurredAt: row.occurredAt.toISOString(),
    nextFollowUpAt: row.nextFollowUpAt?.toISOString() ?? null,
    reminderAt: row.reminderAt?.toISOString() ?? null,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editableUntil: new Date(row.createdAt.getTime() + contactRecordEditWindowMs).toISOString(),
    version: row.version,
  };
}
