import type { MikroORM } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { ListPage, Page } from '../customers/list-customers.query.ts';
import { customerVisibleSql } from '../lists/customer-child-list-source.ts';
import { readListRequest } from '../lists/list-request.ts';
import { readListPage, type ListSource } from '../lists/list-rows.ts';
import { listFieldAccess, recordListCatalogue } from '../lists/record-list-catalogue.ts';
import type { ListContactRecordsQuery, ListVisibleContactRecordsQuery } from './contact-record-bodies.schema.ts';
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

/**
 * The contact records of every live customer the caller sees, as a list source (a contact record is never deleted;
 * it is visible exactly when its customer is). The export reads the same source.
 */
export function contactRecordListSource(caller: SignedIn, catalogue: FactCatalogue): ListSource {
  return { table: 'contact_record', alias: 'r', catalogue, conditions: (bind) => [customerVisibleSql(caller, 'r', bind)] };
}

/** A page of the contact records of every customer the caller sees, filtered and sorted like the other lists. */
export async function listVisibleContactRecords(
  orm: MikroORM,
  caller: SignedIn,
  query: ListVisibleContactRecordsQuery,
): Promise<ListPage<ContactRecordDocument>> {
  const em = orm.em.fork();
  const access = await listFieldAccess(em, 'contactRecord', caller.role);
  const catalogue = await recordListCatalogue(em, 'contactRecord', query.filter !== undefined || query.sort !== undefined);
  const request = readListRequest(query, catalogue, access, caller.role.labels);
  const page = await readListPage(em, contactRecordListSource(caller, catalogue), request, {
    limit: query.limit ?? 50,
    context: { now: new Date(), timeZone: caller.user.timeZone },
  });
  return { items: page.rows.map((row) => contactRecordDocument(em.map(ContactRecord, row))), nextCursor: page.nextCursor, total: page.total };
}
