import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { CommandContext } from '../commands/command-context.ts';
import type { RecordCreator } from '../opportunities/insert-opportunity.ts';
import { insertOpportunity } from '../opportunities/insert-opportunity.ts';
import { insertOrderPayment } from '../orders/insert-order-payment.ts';
import { insertOrder } from '../orders/insert-order.ts';
import { cents, orderLineValues } from '../orders/order-values.ts';
import { insertTicket } from '../tickets/insert-ticket.ts';
import type { DemoCustomers } from './demo-customers.schema.ts';
import { recordDefinitions, type RecordDefinitions } from './published-definitions.ts';

type DemoCustomer = DemoCustomers['customers'][number];

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** What the customers' loader hands over: the clock, the system as creator, logins to users, and how to fail. */
export interface DemoRecordsSetting {
  now: Date;
  creator: RecordCreator;
  userIdOf: (login: string) => Promise<number>;
  fail: (what: string) => Error;
}

/** The published definitions of the record machines, read once per install. */
export function demoDefinitionsCache(context: CommandContext) {
  const cache = new Map<string, Promise<RecordDefinitions>>();
  return (entity: 'opportunity' | 'order' | 'ticket') => {
    let found = cache.get(entity);
    if (found === undefined) {
      found = recordDefinitions(context.em, entity);
      cache.set(entity, found);
    }
    return found;
  };
}

function requireState(machine: MachineDefinition, state: string, where: string, setting: DemoRecordsSetting) {
  if (machine.states[state] === undefined) throw setting.fail(`${where}: the ${machine.id} machine has no state "${state}".`);
}

/**
 * A demo customer's opportunities, orders (with their payments) and tickets, through the same insert cores as the
 * API's create commands, each in the state the demo names — entered directly with its flags and entry effects, and
 * without reactions: the demo's customers already stand where the demo put them.
 */
export async function createDemoCustomerRecords(
  context: CommandContext,
  customer: DemoCustomer,
  customerId: number,
  definitionsOf: ReturnType<typeof demoDefinitionsCache>,
  setting: DemoRecordsSetting,
): Promise<void> {
  const { now, creator } = setting;
  const defaultOwner = customer.owner === null ? null : await setting.userIdOf(customer.owner);
  const ownerOf = async (login: string | undefined) => (login === undefined ? defaultOwner : setting.userIdOf(login));
  const ago = (days: number | undefined) => new Date(now.getTime() - (days ?? 0) * dayMs);
  const inDays = (days: number | undefined) => (days === undefined ? null : dayOf(new Date(now.getTime() + days * dayMs)));

  const opportunityIds: number[] = [];
  for (const [index, opportunity] of (customer.opportunities ?? []).entries()) {
    const definitions = await definitionsOf('opportunity');
    requireState(definitions.machine.document, opportunity.stage, `opportunities/${index}`, setting);
    const ownerId = await ownerOf(opportunity.owner);
    const { opportunity: created } = await insertOpportunity(
      context,
      definitions,
      {
        customerId,
        name: opportunity.name,
        amount: opportunity.amount ?? null,
        expectedCloseOn: inDays(opportunity.expectedCloseInDays),
        stage: opportunity.stage,
        ownerId,
        createdBy: ownerId,
        createdAt: ago(opportunity.createdDaysAgo),
      },
      creator,
      [],
    );
    opportunityIds.push(created.id);
  }

  const orderIds: number[] = [];
  for (const [index, order] of (customer.orders ?? []).entries()) {
    const definitions = await definitionsOf('order');
    requireState(definitions.machine.document, order.status, `orders/${index}`, setting);
    const opportunityId = order.opportunity === undefined ? null : opportunityIds[order.opportunity];
    if (opportunityId === undefined) throw setting.fail(`orders/${index}/opportunity: this customer has no opportunity ${order.opportunity}.`);
    const paidCents = (order.payments ?? []).reduce((sum, payment) => sum + cents(payment.amount), 0);
    if (paidCents > orderLineValues(order.lines).amountCents) throw setting.fail(`orders/${index}/payments: more than the order's amount.`);
    const ownerId = await ownerOf(order.owner);
    const createdAt = ago(order.createdDaysAgo);
    const { row } = await insertOrder(
      context,
      definitions,
      {
        customerId,
        opportunityId,
        lines: order.lines,
        dueOn: inDays(order.dueInDays),
        shippingAddress: order.shippingAddress ?? null,
        expectedShipOn: inDays(order.expectedShipInDays),
        note: order.note ?? null,
        stage: order.status,
        ownerId,
        createdBy: ownerId,
        createdAt,
        ...(order.shippedDaysAgo === undefined ? {} : { shippedAt: ago(order.shippedDaysAgo) }),
      },
      creator,
      [],
    );
    const payments = [...(order.payments ?? [])].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const payment of payments) {
      const recordedAt = new Date(Math.max(createdAt.getTime(), ago(payment.daysAgo).getTime()));
      await insertOrderPayment(context, row, {
        amount: payment.amount,
        paidOn: dayOf(recordedAt),
        method: payment.method,
        note: payment.note ?? null,
        recordedBy: ownerId,
        recordedAt,
      });
    }
    orderIds.push(row.id);
  }

  for (const [index, ticket] of (customer.tickets ?? []).entries()) {
    const definitions = await definitionsOf('ticket');
    requireState(definitions.machine.document, ticket.status, `tickets/${index}`, setting);
    const orderId = ticket.order === undefined ? null : orderIds[ticket.order];
    if (orderId === undefined) throw setting.fail(`tickets/${index}/order: this customer has no order ${ticket.order}.`);
    const createdAt = new Date(now.getTime() - ticket.createdHoursAgo * hourMs);
    const later = (ms: number | undefined) => (ms === undefined ? null : new Date(createdAt.getTime() + ms));
    await insertTicket(
      context,
      definitions,
      {
        customerId,
        orderId,
        subject: ticket.subject,
        description: ticket.description ?? null,
        priority: ticket.priority,
        channel: ticket.channel ?? null,
        assigneeId: ticket.assignee === undefined ? null : await setting.userIdOf(ticket.assignee),
        stage: ticket.status,
        createdBy: await ownerOf(ticket.author),
        createdAt,
        firstResponseAt: later(ticket.firstResponseAfterMinutes === undefined ? undefined : ticket.firstResponseAfterMinutes * 60_000),
        resolvedAt: later(ticket.resolvedAfterHours === undefined ? undefined : ticket.resolvedAfterHours * hourMs),
      },
      creator,
    );
  }
}
