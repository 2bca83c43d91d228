import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
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
