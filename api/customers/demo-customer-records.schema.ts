import { stateKeyPattern } from '../../definitions/machine.schema.ts';
import { paymentMethods } from '../orders/order-payment.entity.ts';
import { ticketChannels, ticketPriorities } from '../tickets/ticket.entity.ts';

const loginSchema = { type: 'string', minLength: 2, maxLength: 64 } as const;
const daysSchema = { type: 'integer', minimum: 0, maximum: 3650 } as const;
const futureDaysSchema = { type: 'integer', minimum: -3650, maximum: 3650, description: 'from the install day; negative: in the past' } as const;
const stateSchema = { type: 'string', pattern: stateKeyPattern, description: 'a state of the published machine; entered directly, as an import would' } as const;
const ownerSchema = { ...loginSchema, description: 'default: the customer’s primary owner' } as const;

/**
 * A demo customer's opportunities, orders and tickets (part of the demo-customers file). Each starts in the state
 * named, as history would have left it; times count back from the install.
 */
export const demoCustomerRecordsProperties = {
  opportunities: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        amount: { type: 'number', minimum: 0, maximum: 999999999999.99 },
        stage: stateSchema,
        owner: ownerSchema,
        createdDaysAgo: daysSchema,
        expectedCloseInDays: futureDaysSchema,
      },
      required: ['name', 'stage'],
      additionalProperties: false,
    },
  },
  orders: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        status: stateSchema,
        lines: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              product: { type: 'string', minLength: 1, maxLength: 200 },
              quantity: { type: 'number', minimum: 0.01, maximum: 9999999999.99 },
              unitPrice: { type: 'number', minimum: 0, maximum: 999999999999.99 },
            },
            required: ['product', 'quantity', 'unitPrice'],
            additionalProperties: false,
          },
        },
        owner: ownerSchema,
        opportunity: { type: 'integer', minimum: 0, description: 'index into this customer’s opportunities' },
        createdDaysAgo: daysSchema,
        dueInDays: futureDaysSchema,
        shippedDaysAgo: { ...daysSchema, description: 'for an order that starts shipped; default: when it was created' },
        expectedShipInDays: futureDaysSchema,
        shippingAddress: { type: 'string', maxLength: 500 },
        note: { type: 'string', maxLength: 4000 },
        payments: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              amount: { type: 'number', minimum: 0.01, maximum: 999999999999.99 },
              daysAgo: daysSchema,
              method: { enum: paymentMethods },
              note: { type: 'string', maxLength: 1000 },
            },
            required: ['amount', 'daysAgo', 'method'],
            additionalProperties: false,
          },
        },
      },
      required: ['status', 'lines'],
      additionalProperties: false,
    },
  },
  tickets: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        subject: { type: 'string', minLength: 1, maxLength: 200 },
        description: { type: 'string', maxLength: 10000 },
        status: stateSchema,
        priority: { enum: ticketPriorities },
        channel: { enum: ticketChannels },
        assignee: { ...loginSchema, description: 'who works on it; absent: nobody yet' },
        author: { ...loginSchema, description: 'who logged it; default: the customer’s primary owner' },
        order: { type: 'integer', minimum: 0, description: 'index into this customer’s orders' },
        createdHoursAgo: { type: 'number', minimum: 0, maximum: 87600 },
        firstResponseAfterMinutes: { type: 'integer', minimum: 0, maximum: 525600, description: 'when work started, after it was opened' },
        resolvedAfterHours: { type: 'number', minimum: 0, maximum: 87600 },
      },
      required: ['subject', 'status', 'priority', 'createdHoursAgo'],
      additionalProperties: false,
    },
  },
} as const;
