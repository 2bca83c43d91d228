import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { recordEventRoutes } from '../transitions/record-event-routes.ts';
import { versionRequired } from '../users/user-problems.ts';
import { createTicket } from './create-ticket.command.ts';
import { findTicket, listCustomerTickets, listTickets } from './list-tickets.query.ts';
import { ticketEventAdapter } from './ticket-event-adapter.ts';
import { noSuchTicket } from './ticket-problems.ts';
import {
  listTicketsOperation,
  createTicketOperation,
  fireTicketEventOperation,
  getTicketOperation,
  listCustomerTicketsOperation,
  listTicketActionsOperation,
  updateTicketOperation,
} from './tickets.operations.ts';
import { updateTicket } from './update-ticket.command.ts';

/** Service tickets (工单) of customers: open, read, change and assign, and move through the ticket machine by events. */
export function ticketsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);
  const ticketId = (raw: string) => recordId(raw, noSuchTicket);

  route(router, listTicketsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listTickets(orm, signedInOf(response), query));
  });

  route(router, listCustomerTicketsOperation, signedIn, async ({ params }, _request, response) => {
    const id = customerId(params.id);
    const tickets = await listCustomerTickets(orm, signedInOf(response), id);
    if (tickets === undefined) throw noSuchCustomer(id);
    response.json(tickets);
  });

  route(router, createTicketOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    const ticket = await createTicket(orm, requestOrigin(request, response), signedInOf(response), id, body);
    response.status(201).location(`/api/tickets/${ticket.id}`).set('ETag', `"${ticket.version}"`).json(ticket);
  });

  route(router, getTicketOperation, signedIn, async ({ params }, _request, response) => {
    const id = ticketId(params.id);
    const ticket = await findTicket(orm, signedInOf(response), id);
    if (ticket === undefined) throw noSuchTicket(id);
    response.set('ETag', `"${ticket.version}"`).json(ticket);
  });

  route(router, updateTicketOperation, signedIn, async ({ params, body }, request, response) => {
    const id = ticketId(params.id);
    const version = expectedVersion(request, body.version);
    if (version === undefined) throw versionRequired();
    const ticket = await updateTicket(orm, requestOrigin(request, response), signedInOf(response), id, version, body);
    response.set('ETag', `"${ticket.version}"`).json(ticket);
  });

  recordEventRoutes(router, orm, signedIn, ticketEventAdapter, { fire: fireTicketEventOperation, actions: listTicketActionsOperation });
  return router;
}
