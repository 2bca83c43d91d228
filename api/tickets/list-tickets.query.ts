import type { MikroORM } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { ListPage } from '../customers/list-customers.query.ts';
import { customerChildListSource } from '../lists/customer-child-list-source.ts';
import { readListRequest } from '../lists/list-request.ts';
import { readListPage, type ListSource } from '../lists/list-rows.ts';
import { listFieldAccess, recordListCatalogue } from '../lists/record-list-catalogue.ts';
import type { ListTicketsQuery } from './tickets.operations.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { personActor } from '../transitions/event-actor.ts';
import { ticketDocument, type TicketView } from './ticket-document.ts';
import { ticketEventAdapter } from './ticket-event-adapter.ts';
import { Ticket } from './ticket.entity.ts';

/** A customer's live tickets, newest first; undefined when the caller may not see the customer. */
export async function listCustomerTickets(orm: MikroORM, caller: SignedIn, customerId: number): Promise<TicketView[] | undefined> {
  const em = orm.em.fork();
  if ((await visibleCustomer(em, customerScopeOf(caller), customerId, 'live')) === undefined) return undefined;
  const rows = await em.find(Ticket, { customerId, deletedAt: null }, { orderBy: { id: 'desc' } });
  const now = new Date();
  return rows.map((row) => ticketDocument(row, now));
}

/** One ticket whose customer the caller sees. */
export async function findTicket(orm: MikroORM, caller: SignedIn, id: number): Promise<TicketView | undefined> {
  const row = await ticketEventAdapter.loadVisible(orm.em.fork(), personActor(caller), id, false);
  return row === undefined ? undefined : ticketDocument(row);
}

/** Live tickets whose customer the caller sees, of one status when asked, as a list source (the export's too). */
export function ticketListSource(caller: SignedIn, catalogue: FactCatalogue, query: { status?: string }): ListSource {
  return customerChildListSource(caller, catalogue, { name: 'ticket', alias: 't' }, (bind) =>
    query.status === undefined ? [] : [`t.status = ${bind.add(query.status)}`],
  );
}

/** A page of every ticket the caller sees, filtered and sorted like the customer list. */
export async function listTickets(orm: MikroORM, caller: SignedIn, query: ListTicketsQuery): Promise<ListPage<TicketView>> {
  const em = orm.em.fork();
  const access = await listFieldAccess(em, 'ticket', caller.role);
  const catalogue = await recordListCatalogue(em, 'ticket', query.filter !== undefined || query.sort !== undefined);
  const request = readListRequest(query, catalogue, access, caller.role.labels);
  const now = new Date();
  const page = await readListPage(em, ticketListSource(caller, catalogue, query), request, {
    limit: query.limit ?? 50,
    context: { now, timeZone: caller.user.timeZone },
  });
  return { items: page.rows.map((row) => ticketDocument(em.map(Ticket, row), now)), nextCursor: page.nextCursor, total: page.total };
}
