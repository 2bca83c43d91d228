import type { CommandContext } from '../commands/command-context.ts';
import { startingPoint } from '../customers/customer-stage.ts';
import type { RecordDefinitions } from '../customers/published-definitions.ts';
import type { RecordCreator } from '../opportunities/insert-opportunity.ts';
import { recordCreated } from '../transitions/record-created.ts';
import { newMachineRecordValues } from '../transitions/machine-record.properties.ts';
import { ticketDocument, type TicketView } from './ticket-document.ts';
import { runningSlaDue, slaDueTimes } from './ticket-sla.ts';
import { Ticket, type TicketChannel, type TicketPriority, type TicketRow } from './ticket.entity.ts';

/** A ticket whose values have been decided and checked: what the create command and demo data insert. */
export interface NewTicket {
  customerId: number;
  orderId: number | null;
  subject: string;
  description: string | null;
  priority: TicketPriority;
  channel: TicketChannel | null;
  assigneeId: number | null;
  /** A state of the ticket machine; its initial state for an ordinary create, a later one for demo data. */
  stage?: string;
  createdBy: number | null;
  /** Demo data backdates its records (and says when work started and when it was resolved); the rest is now. */
  createdAt?: Date;
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
}

/**
 * Inserts a ticket inside the command's transaction, in its state with that state's entry effects, its response
 * and resolve due times from its priority's service level (ticket_sla_policy), and writes the `create` audit entry
 * and outbox messages. Tickets set off nothing on other records, so there are no reactions to run.
 */
export async function insertTicket(
  context: CommandContext,
  definitions: RecordDefinitions,
  input: NewTicket,
  creator: RecordCreator,
): Promise<{ ticket: TicketView; row: TicketRow }> {
  const { em } = context;
  const createdAt = input.createdAt ?? context.now;
  const values = { subject: input.subject, description: input.description, priority: input.priority, channel: input.channel };
  const dues = await slaDueTimes(em, input.priority, createdAt);
  const times = { firstResponseAt: input.firstResponseAt ?? null, resolvedAt: input.resolvedAt ?? null };
  const slaDueAt = runningSlaDue({ ...dues, ...times });
  const start = startingPoint(definitions.machine.document, input.stage ?? definitions.machine.document.initial, {
    actor: creator.actor,
    facts: {
      ...values,
      assignee_id: input.assigneeId === null ? null : String(input.assigneeId),
      created_at: createdAt.toISOString(),
      first_response_at: times.firstResponseAt?.toISOString() ?? null,
      resolved_at: times.resolvedAt?.toISOString() ?? null,
      sla_due_at: slaDueAt?.toISOString() ?? null,
    },
    now: createdAt,
    timeZone: creator.timeZone,
    catalogue: definitions.catalogue,
  });
  const row = em.create(Ticket, {
    customerId: input.customerId,
    orderId: input.orderId,
    ...values,
    ...newMachineRecordValues(definitions, start.snapshot, { createdBy: input.createdBy, createdAt }),
    assigneeId: input.assigneeId,
    ...times,
    slaDueAt,
    ...dues,
  });
  await em.flush();
  const document = ticketDocument(row, context.now);
  await recordCreated(context, { entity: 'ticket', row, customerId: input.customerId, start, document, timeZone: creator.timeZone, reactions: [] });
  return { ticket: document, row };
}
