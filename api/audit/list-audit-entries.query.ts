import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditWhy } from './audit-why.ts';
import { AuditEntry } from './audit-entry.entity.ts';

/** An audit entry as the API shows it. */
export interface AuditEntryView {
  id: number;
  entity: string;
  recordId: number;
  action: string;
  actorId: number | null;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  why: AuditWhy;
  requestId: string | null;
}

/** How the reader may see a record's document of one entity (masking by their role); absent: as stored. */
export type DocumentMaskers = Readonly<Record<string, (document: Record<string, unknown>) => Record<string, unknown>>>;

/**
 * A customer's trail — its own entries and those of its contacts and contact records — newest first, one page at a
 * time, with every document masked for the reader exactly as the records themselves would be.
 */
export async function listCustomerAuditEntries(
  em: EntityManager,
  customerId: number,
  page: { limit: number; cursor: number | undefined },
  maskers: DocumentMaskers,
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const entries = await em.find(
    AuditEntry,
    { customerId, ...(page.cursor === undefined ? {} : { id: { $lt: page.cursor } }) },
    { orderBy: { id: 'desc' }, limit: page.limit + 1 },
  );
  const shown = entries.slice(0, page.limit);
  const mask = (entity: string, document: Record<string, unknown> | null | undefined) => {
    if (document == null) return null;
    const masker = maskers[entity];
    return masker === undefined ? document : masker(document);
  };
  return {
    items: shown.map((entry) => ({
      id: entry.id,
      entity: entry.entity,
      recordId: entry.recordId,
      action: entry.action,
      actorId: entry.actorId ?? null,
      at: entry.at.toISOString(),
      before: mask(entry.entity, entry.before),
      after: mask(entry.entity, entry.after),
      why: entry.why,
      requestId: entry.requestId ?? null,
    })),
    nextCursor: entries.length > page.limit ? String(shown.at(-1)!.id) : null,
  };
}
