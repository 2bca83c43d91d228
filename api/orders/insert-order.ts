import type { CommandContext } from '../commands/command-context.ts';
import { nextAutoNumber } from '../customers/auto-number.ts';
import { startingPoint } from '../customers/customer-stage.ts';
import type { RecordDefinitions } from '../customers/published-definitions.ts';
import type { RecordCreator } from '../opportunities/insert-opportunity.ts';
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { validationFailed } from '../http/http-problem.ts';
import { recordCreated } from '../transitions/record-created.ts';
import { newMachineRecordValues } from '../transitions/machine-record.properties.ts';
import type { OrderLineInput } from './order-bodies.schema.ts';
import { orderDocument, type OrderView } from './order-document.ts';
import { hasShipped } from './order-shipping.ts';
import { orderAmountProblems, orderLineValues, orderNumberOf } from './order-values.ts';
import { Order, OrderLine, type OrderRow } from './order.entity.ts';

/** An order whose values have been decided and checked: what the create command and demo data insert. */
export interface NewOrder {
  customerId: number;
  opportunityId: number | null;
  lines: readonly OrderLineInput[];
  dueOn: string | null;
  shippingAddress: string | null;
  expectedShipOn: string | null;
  note: string | null;
  /** A state of the order machine; its initial state for an ordinary create, a later one for demo data. */
  stage?: string;
  ownerId: number | null;
  createdBy: number | null;
  /** Demo data backdates its records; everything else is created now. */
  createdAt?: Date;
  /** When a demo order that starts in a shipped state left; default: when it was created. */
  shippedAt?: Date;
}

/**
 * Inserts an order with its lines inside the command's transaction: numbered from the order counter, the amount the
 * sum of the lines, nothing paid (payments are recorded after, each through insertOrderPayment), in its state with
 * that state's flags and entry effects; writes the `create` audit entry and outbox messages and runs the reactions
 * (the create command's: the customer is won; demo data: none).
 */
export async function insertOrder(
  context: CommandContext,
  definitions: RecordDefinitions,
  input: NewOrder,
  creator: RecordCreator,
  reactions: readonly TransitionReaction[],
): Promise<{ order: OrderView; row: OrderRow; followUps: FiredEvent[] }> {
  const { em } = context;
  const machine = definitions.machine.document;
  const createdAt = input.createdAt ?? context.now;
  const values = orderLineValues(input.lines);
  const problems = orderAmountProblems(values);
  if (problems.length > 0) throw validationFailed(problems);
  const { lines, amountCents } = values;
  const amount = amountCents / 100;
  const orderNumber = orderNumberOf(await nextAutoNumber(em, 'order', 'orderNumber'));
  const start = startingPoint(machine, input.stage ?? machine.initial, {
    actor: creator.actor,
    facts: {
      order_number: orderNumber,
      amount,
      paid_amount: 0,
      is_paid: false,
      due_on: input.dueOn,
      owner_id: input.ownerId === null ? null : String(input.ownerId),
      created_at: createdAt.toISOString(),
      next_follow_up_at: null,
      custom_fields: {},
    },
    now: createdAt,
    timeZone: creator.timeZone,
    catalogue: definitions.catalogue,
  });
  const row = em.create(Order, {
    customerId: input.customerId,
    opportunityId: input.opportunityId,
    orderNumber,
    ...newMachineRecordValues(definitions, start.snapshot, { createdBy: input.createdBy, createdAt }),
    amount,
    paidAmount: 0,
    isPaid: false,
    dueOn: input.dueOn,
    ownerId: input.ownerId,
    customFields: {},
    nextFollowUpAt: null,
    shippingAddress: input.shippingAddress,
    expectedShipOn: input.expectedShipOn,
    note: input.note,
    shippedAt: hasShipped(start.snapshot.value) ? (input.shippedAt ?? createdAt) : null,
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
    customerId: input.customerId,
    start,
    document,
    timeZone: creator.timeZone,
    reactions,
  });
  return { order: document, row, followUps };
}
