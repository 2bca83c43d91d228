import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { BindParams } from '../database/bound-query.ts';
import { readListRequest } from '../lists/list-request.ts';
import { readListPage, type ListSource } from '../lists/list-rows.ts';
import { recordListCatalogue } from '../lists/record-list-catalogue.ts';
import { customerAccessOf, customerView } from './customer-access.ts';
import type { CustomerView } from './customer-view.schema.ts';
import type { ListCustomersQuery, PageQuery } from './customer-bodies.schema.ts';
import { dedupeKeyOf } from './customer-dedupe.ts';
import { customerDocuments } from './customer-owners.ts';
import { visibleCustomer, visibleCustomerRows, type Liveness } from './customer-rows.ts';
import { customerScopeOf, customerScopeSql } from './customer-visibility.ts';
import { Customer } from './customer.entity.ts';
import { publishedFields } from './published-definitions.ts';
import { mayReadPlain, type RecordFieldAccess } from './record-field-access.ts';

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** A page of a filtered list, with how many records the filter selects in all. */
export interface ListPage<T> extends Page<T> {
  total: number;
}

const defaultLimit = 50;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `q` looks in the name, the phone number and the keywords — but only in those the caller may read unmasked, so a
 * search cannot be used to find out a number the role only sees as 138****5678.
 */
function searchCondition(q: string, access: RecordFieldAccess, bind: BindParams): string {
  const parts: string[] = [];
  const key = dedupeKeyOf(q);
  if (key !== '' && mayReadPlain(access, 'name')) {
    parts.push(`c.name_key like ${bind.add(likePattern(key))} escape '\\'`);
  }
  const digits = q.replace(/\D/g, '');
  if (digits.length >= 3 && mayReadPlain(access, 'phone')) {
    parts.push(`c.phone_normalized like ${bind.add(likePattern(digits))} escape '\\'`);
  }
  if (key !== '' && mayReadPlain(access, 'keywords')) {
    parts.push(`exists (select 1 from unnest(c.keyword_keys) as k(key) where k.key like ${bind.add(likePattern(key))} escape '\\')`);
  }
  return parts.length === 0 ? 'false' : `(${parts.join(' or ')})`;
}

/** The recycle bin: deleted customers the caller may see, most recently created first. */
export async function listDeletedCustomers(orm: MikroORM, caller: SignedIn, query: PageQuery): Promise<Page<CustomerView>> {
  const em = orm.em.fork();
  const access = customerAccessOf(caller.role, await publishedFields(em, 'customer'));
  const where = (bind: BindParams): string => (query.cursor === undefined ? 'true' : `c.id < ${bind.add(query.cursor)}`);
  const liveness: Liveness = 'deleted';
  const limit = query.limit ?? defaultLimit;
  const rows = await visibleCustomerRows(em, customerScopeOf(caller), { liveness, where, limit: limit + 1 });
  const shown = rows.slice(0, limit);
  const documents = await customerDocuments(em, shown);
  return {
    items: documents.map((document) => customerView(document, access)),
    nextCursor: rows.length > limit ? String(shown.at(-1)!.id) : null,
  };
}

/**
 * Live customers the caller may see: filtered by ownership, stage, a search text and a condition over the customer
 * facts, in the requested order (newest first by default), one keyset page at a time, with the filtered total.
 */
export async function listCustomers(orm: MikroORM, caller: SignedIn, query: ListCustomersQuery): Promise<ListPage<CustomerView>> {
  const em = orm.em.fork();
  const access = customerAccessOf(caller.role, await publishedFields(em, 'customer'));
  const catalogue = await recordListCatalogue(em, 'customer', query.filter !== undefined || query.sort !== undefined);
  const request = readListRequest(query, catalogue, access, caller.role.labels);
  const page = await readListPage(em, customerListSource(caller, catalogue, access, query), request, {
    limit: query.limit ?? defaultLimit,
    context: { now: new Date(), timeZone: caller.user.timeZone },
  });
  const documents = await customerDocuments(em, page.rows.map((row) => em.map(Customer, row)));
  return { items: documents.map((document) => customerView(document, access)), nextCursor: page.nextCursor, total: page.total };
}

/**
 * The customer list as a list source: live customers in the caller's scope, narrowed by the older `ownership`,
 * `stage` and `q` parameters. The export reads the same source.
 */
export function customerListSource(
  caller: SignedIn,
  catalogue: FactCatalogue,
  access: RecordFieldAccess,
  query: { ownership?: string; stage?: string; q?: string },
): ListSource {
  return {
    table: 'customer',
    alias: 'c',
    catalogue,
    conditions(bind) {
      const conditions = [customerScopeSql(customerScopeOf(caller), bind), 'c.deleted_at is null'];
      if (query.ownership !== undefined) conditions.push(`c.ownership = ${bind.add(query.ownership)}`);
      if (query.stage !== undefined) conditions.push(`c.stage = ${bind.add(query.stage)}`);
      if (query.q !== undefined) conditions.push(searchCondition(query.q, access, bind));
      return conditions;
    },
  };
}

/** One customer as the caller may see it (live, or in the recycle bin when asked), or undefined. */
export async function findCustomer(orm: MikroORM, caller: SignedIn, id: number, liveness: Liveness = 'live'): Promise<CustomerView | undefined> {
  const em = orm.em.fork();
  const row = await visibleCustomer(em, customerScopeOf(caller), id, liveness);
  if (row === undefined) return undefined;
  const access = customerAccessOf(caller.role, await publishedFields(em, 'customer'));
  const [document] = await customerDocuments(em, [row]);
  return customerView(document!, access);
}
