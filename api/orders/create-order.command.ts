import type { MikroORM } from '@mikro-orm/postgresql';
import { initialSnapshot } from '../../engine/machines/index.ts';
import { problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { nextAutoNumber } from '../customers/auto-number.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { machineActorOf, personActor } from '../transitions/event-actor.ts';
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { recordCreated } from '../transitions/record-created.ts';
import type { CreateOrderBody } from './order-bodies.schema.ts';
import { orderCreationWinsCustomer } from './order-customer-links.ts';
import { orderDocument, type OrderView } from './order-document.ts';
import { Order, OrderLine } from './order.entity.ts';

const cents = (value: number) => Math.round(value * 100);

/** `SO000042`: the order's number from the order counter. */
const orderNumberOf = (value: number) => `SO${String(value).padStart(6, '0')}`;

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
    const machine = definitions.machine.document;
    const lines = body.lines.map((line, index) => ({
      position: index + 1,
      product: line.product.trim(),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amountCents: cents(line.quantity * line.unitPrice),
    }));
    const amount = lines.reduce((sum, line) => sum + line.amountCents, 0) / 100;
    const orderNumber = orderNumberOf(await nextAutoNumber(em, 'order', 'orderNumber'));
    const dueOn = body.dueOn ?? null;
    const start = initialSnapshot(machine, {
      actor: machineActorOf(personActor(caller)),
      facts: {
        order_number: orderNumber,
        amount,
        paid_amount: 0,
        is_paid: false,
        due_on: dueOn,
        owner_id: String(caller.user.id),
        created_at: context.now.toISOString(),
        next_follow_up_at: null,
        custom_fields: {},
      },
      now: context.now,
      timeZone: caller.user.timeZone,
      catalogue: definitions.catalogue,
    });
    const row = em.create(Order, {
      customerId: customer.id,
      opportunityId: body.opportunityId ?? null,
      orderNumber,
      stage: start.snapshot.value,
      amount,
      paidAmount: 0,
      isPaid: false,
      dueOn,
      ownerId: caller.user.id,
      machineSnapshot: start.snapshot,
      definitionKey: definitions.machine.key,
      definitionVersion: definitions.machine.version,
      customFields: {},
      createdBy: caller.user.id,
      createdAt: context.now,
      updatedAt: context.now,
      nextFollowUpAt: null,
      deletedAt: null,
    });
    await em.flush();
    const lineRows = lines.map((line) =>
      em.create(OrderLine, {
        orderId: row.id,
        position: line.position,
        product: line.product,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amountCents / 100,
      }),
    );
    await em.flush();

    const document = orderDocument(row, lineRows);
    const followUps = await recordCreated(context, {
      entity: 'order',
      row,
      customerId: customer.id,
      start,
      document,
      timeZone: caller.user.timeZone,
      reactions,
    });
    return { order: document, followUps };
  });
}
