import type { EntityManager } from '@mikro-orm/postgresql';
import type { TransitionTrace } from '../../engine/machines/index.ts';
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

/**
 * How the reader may see the entries of one entity: its documents masked by their role, and the trace in its why
 * trimmed the same way (a guard's value of a field they may not read); absent: as stored.
 */
export interface EntryMasker {
  document(document: Record<string, unknown>): Record<string, unknown>;
  trace?(trace: TransitionTrace): TransitionTrace;
}
export type EntryMaskers = Readonly<Record<string, EntryMasker>>;

/**
 * A customer's trail — its own entries and those of its contacts and contact records — newest first, one page at a
 * time, with every document — and every trace's fact values — masked for the reader exactly as the records
 * themselves would be.
 */
export async function listCustomerAuditEntries(
  em: EntityManager,
  customerId: number,
  page: { limit: number; cursor: number | undefined },
  maskers: EntryMaskers,
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
    return masker === undefined ? document : masker.document(document);
  };
  const maskWhy = (entity: string, why: AuditWhy): AuditWhy => {
    const trim = maskers[entity]?.trace;
    return why.kind === 'trace' && trim !== undefined ? { ...why, trace: trim(why.trace) } : why;
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
      why: maskWhy(entry.entity, entry.why),
      requestId: entry.requestId ?? null,
    })),
    nextCursor: entries.length > page.limit ? String(shown.at(-1)!.id) : null,
  };
}
