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
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { insertOrder } from './insert-order.ts';
import type { CreateOrderBody } from './order-bodies.schema.ts';
import { orderCreationWinsCustomer } from './order-customer-links.ts';
import type { OrderView } from './order-document.ts';

/**
 * Creates an order with its lines on a customer the caller sees (a pool customer only with `mayEditShared`), owned
 * by the caller, in the order machine's initial state on the latest published machine; the amount is the sum of the
 * lines (each quantity × unit price, rounded to cents). The customer's machine gets DEAL_WON in the same
 * transaction (the reactions).
 */
export async function createOrder(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  body: CreateOrderBody,
  reactions: readonly TransitionReaction[] = [orderCreationWinsCustomer],
): Promise<{ order: OrderView; followUps: FiredEvent[] }> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await customerForChildWrite(em, caller, customerId, true);
    if (body.opportunityId != null) {
      const [found] = await boundQuery(em, 'select id from opportunity where id = $1 and customer_id = $2 and deleted_at is null', [
        body.opportunityId,
        customer.id,
      ]);
      if (found === undefined) {
        throw validationFailed([
          problem('/opportunityId', 'unknownOpportunity', 'No such opportunity of this customer.', '该客户没有这个商机。'),
        ]);
      }
    }
    const definitions = await recordDefinitions(em, 'order');
    const { order, followUps } = await insertOrder(
      context,
      definitions,
      {
        customerId: customer.id,
        opportunityId: body.opportunityId ?? null,
        lines: body.lines,
        dueOn: body.dueOn ?? null,
        shippingAddress: body.shippingAddress ?? null,
        expectedShipOn: body.expectedShipOn ?? null,
        note: body.note ?? null,
        ownerId: caller.user.id,
        createdBy: caller.user.id,
      },
      { actor: machineActorOf(personActor(caller)), timeZone: caller.user.timeZone },
      reactions,
    );
    return { order, followUps };
  });
}
