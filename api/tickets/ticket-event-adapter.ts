import { loadTableFactRow, visibleCustomerChild } from '../customers/customer-child-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { RecordEventAdapter } from '../transitions/record-event-adapter.ts';
import { noSuchTicket } from './ticket-problems.ts';
import { Ticket, type TicketRow } from './ticket.entity.ts';

// States in which someone is working the ticket: reaching one of them is the ticket's first response.
const workingStates = new Set(['inProgress', 'escalatedLevel1', 'escalatedLevel2']);

/**
 * Tickets through the generic event command: seen through their customer, the state kept in `status`. The times
 * the SLA reads follow the state: the first time work starts is the first response; resolving stamps resolvedAt,
 * reopening clears it.
 */
export const ticketEventAdapter: RecordEventAdapter<TicketRow> = {
  entity: 'ticket',
  table: 'ticket',
  stageColumn: 'status',
  loadVisible: (em, actor, id, lock) =>
    visibleCustomerChild<TicketRow>(em, Ticket, 'ticket', actor.kind === 'person' ? customerScopeOf(actor.caller) : { kind: 'all' }, id, lock),
  loadFactRow: (em, catalogue, row, context) => loadTableFactRow(em, catalogue, 'ticket', row.id, context),
  followStage(row, _machine, snapshot) {
    // The command sets updatedAt to the command's clock just before this.
    if (workingStates.has(snapshot.value) && row.firstResponseAt == null) row.firstResponseAt = row.updatedAt;
    if (snapshot.value === 'resolved') row.resolvedAt = row.updatedAt;
    else if (snapshot.value !== 'closed') row.resolvedAt = null;
  },
  customerIdOf: (row) => row.customerId,
  notFound: noSuchTicket,
};
