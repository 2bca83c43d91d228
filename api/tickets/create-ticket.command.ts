import type { MikroORM } from '@mikro-orm/postgresql';
import { initialSnapshot } from '../../engine/machines/index.ts';
import { problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { machineActorOf, personActor } from '../transitions/event-actor.ts';
import { recordCreated } from '../transitions/record-created.ts';
import type { CreateTicketBody } from './ticket-bodies.schema.ts';
import { ticketDocument, type TicketView } from './ticket-document.ts';
import { Ticket } from './ticket.entity.ts';

/**
 * Opens a ticket on a customer the caller sees (logging a customer's problem does not edit the customer, so pool
 * customers too), in the ticket machine's initial state on the latest published machine, unassigned.
 */
export async function createTicket(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  body: CreateTicketBody,
): Promise<TicketView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await customerForChildWrite(em, caller, customerId, false);
    if (body.orderId != null) {
      const [found] = await boundQuery(em, 'select id from sales_order where id = $1 and customer_id = $2 and deleted_at is null', [
        body.orderId,
        customer.id,
      ]);
      if (found === undefined) throw validationFailed([problem('/orderId', 'unknownOrder', 'No such order of this customer.', '该客户没有这个订单。')]);
    }
    const definitions = await recordDefinitions(em, 'ticket');
    const values = {
      subject: body.subject.trim(),
      description: body.description ?? null,
      priority: body.priority ?? 'normal',
      channel: body.channel ?? null,
    };
    const start = initialSnapshot(definitions.machine.document, {
      actor: machineActorOf(personActor(caller)),
      facts: {
        ...values,
        assignee_id: null,
        created_at: context.now.toISOString(),
        first_response_at: null,
        resolved_at: null,
        sla_due_at: null,
      },
      now: context.now,
      timeZone: caller.user.timeZone,
      catalogue: definitions.catalogue,
    });
    const row = em.create(Ticket, {
      customerId: customer.id,
      orderId: body.orderId ?? null,
      ...values,
      stage: start.snapshot.value,
      assigneeId: null,
      machineSnapshot: start.snapshot,
      definitionKey: definitions.machine.key,
      definitionVersion: definitions.machine.version,
      createdBy: caller.user.id,
      createdAt: context.now,
      updatedAt: context.now,
      firstResponseAt: null,
      resolvedAt: null,
      slaDueAt: null,
      deletedAt: null,
    });
    await em.flush();
    const document = ticketDocument(row);
    await recordCreated(context, { entity: 'ticket', row, customerId: customer.id, start, document, timeZone: caller.user.timeZone, reactions: [] });
    return document;
  });
}
