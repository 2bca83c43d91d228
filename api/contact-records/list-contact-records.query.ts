import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { Page } from '../customers/list-customers.query.ts';
import type { ListContactRecordsQuery } from './contact-record-bodies.schema.ts';
import { contactRecordDocument, type ContactRecordDocument } from './contact-record-document.ts';
import { ContactRecord } from './contact-record.entity.ts';

/**
 * A visible customer's contact records, newest contact first (by when it happened, then by entry); undefined when the
 * customer is not visible. Every one is shown, whoever wrote it: nothing is lost when a rep leaves.
 */
export async function listContactRecords(
  orm: MikroORM,
  caller: SignedIn,
  customerId: number,
  query: ListContactRecordsQuery,
): Promise<Page<ContactRecordDocument> | undefined> {
  const em = orm.em.fork();
  if ((await visibleCustomer(em, customerScopeOf(caller), customerId, 'live')) === undefined) return undefined;
  const limit = query.limit ?? 50;
  const [at, id] = query.cursor?.split('_') ?? [];
  const after =
    at === undefined || id === undefined
      ? {}
      : { $or: [{ occurredAt: { $lt: new Date(at) } }, { occurredAt: new Date(at), id: { $lt: Number(id) } }] };
  const records = await em.find(
    ContactRecord,
    { customerId, ...after },
    { orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], limit: limit + 1 },
  );
  const shown = records.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(contactRecordDocument),
    nextCursor: records.length > limit && last !== undefined ? `${last.occurredAt.toISOString()}_${last.id}` : null,
  };
}
