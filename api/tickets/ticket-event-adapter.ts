import { loadTableFactRow, visibleCustomerChild } from '../customers/customer-child-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { RecordEventAdapter } from '../transitions/record-event-adapter.ts';
import { noSuchTicket } from './ticket-problems.ts';
import { runningSlaDue } from './ticket-sla.ts';
import { Ticket, type TicketRow } from './ticket.entity.ts';

// States in which someone is working the ticket: reaching one of them is the ticket's first response.
const workingStates = new Set(['inProgress', 'escalatedLevel1', 'escalatedLevel2']);

/**
 * Tickets through the generic event command: seen through their customer, the state kept in `status`. The times
 * the SLA reads follow the state: the first time work starts is the first response; resolving stamps resolvedAt,
 * reopening clears it; the running SLA due time follows them.
 */
export const ticketEventAdapter: RecordEventAdapter<TicketRow> = {
  entity: 'ticket',
  table: 'ticket',
  stageColumn: 'status',
  loadVisible: (em, actor, id, lock) =>
    visibleCustomerChild<TicketRow>(em, Ticket, 'ticket', actor.kind === 'person' ? customerScopeOf(actor.caller) : { kind: 'all' }, id, lock),
  loadFactRow: (em, catalogue, row, context) => loadTableFactRow(em, catalogue, 'ticket', row.id, context),
  followStage(row, _machine, snapshot, now) {
    const firstResponseAt = workingStates.has(snapshot.value) && row.firstResponseAt == null ? now : (row.firstResponseAt ?? null);
    const resolvedAt = snapshot.value === 'resolved' ? now : snapshot.value === 'closed' ? (row.resolvedAt ?? null) : null;
    const slaDueAt = runningSlaDue({ firstResponseAt, resolvedAt, responseDueAt: row.responseDueAt ?? null, resolveDueAt: row.resolveDueAt ?? null });
    return { first_response_at: firstResponseAt, resolved_at: resolvedAt, sla_due_at: slaDueAt };
  },
  customerIdOf: (row) => row.customerId,
  notFound: noSuchTicket,
};
