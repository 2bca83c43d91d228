import type { MikroORM } from '@mikro-orm/postgresql';
import { problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { machineActorOf, personActor } from '../transitions/event-actor.ts';
import type { CreateTicketBody } from './ticket-bodies.schema.ts';
import { insertTicket } from './insert-ticket.ts';
import type { TicketView } from './ticket-document.ts';

/**
 * Opens a ticket on a customer the caller sees (logging a customer's problem does not edit the customer, so pool
 * customers too), in the ticket machine's initial state on the latest published machine, unassigned, with its due
 * times from its priority's service level.
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
    const { ticket } = await insertTicket(
      context,
      definitions,
      {
        customerId: customer.id,
        orderId: body.orderId ?? null,
        subject: body.subject.trim(),
        description: body.description ?? null,
        priority: body.priority ?? 'normal',
        channel: body.channel ?? null,
        assigneeId: null,
        createdBy: caller.user.id,
      },
      { actor: machineActorOf(personActor(caller)), timeZone: caller.user.timeZone },
    );
    return ticket;
  });
}
