import type { FromSchema } from 'json-schema-to-ts';
import { stageFlagsSchema } from '../../definitions/effect-catalogue.schema.ts';
import { stateKeyPattern } from '../../definitions/machine.schema.ts';
import { contactChannels, contactOutcomeKeys } from '../contact-records/contact-channels.ts';
import { demoCustomerRecordsProperties } from './demo-customer-records.schema.ts';

const loginSchema = { type: 'string', minLength: 2, maxLength: 64 } as const;
const daysSchema = { type: 'integer', minimum: 0, maximum: 3650 } as const;

/**
 * A template's demo customers (the file its manifest names in `demoCustomers`) with their contacts, contact records,
 * opportunities, orders and tickets. Owners and authors are demo logins; times count back from the install, so the
 * demo always looks recent.
 */
export const demoCustomersSchema = {
  type: 'object',
  properties: {
    $comment: { type: 'string' },
    customers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          phone: { type: 'string', maxLength: 40 },
          keywords: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 40 }, maxItems: 10 },
          stage: { type: 'string', pattern: stateKeyPattern },
          owner: { anyOf: [loginSchema, { type: 'null' }], description: 'the primary owner’s login; null: the pool' },
          collaborators: { type: 'array', items: loginSchema, minItems: 1 },
          flags: { ...stageFlagsSchema, description: 'flags as the stage’s history left them (contacted after a call)' },
          doNotCall: { type: 'boolean' },
          createdDaysAgo: daysSchema,
          customFields: { type: 'object' },
          contacts: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 120 },
                title: { type: 'string', maxLength: 120 },
                phone: { type: 'string', maxLength: 40 },
                email: { type: 'string', format: 'email' },
                wechat: { type: 'string', maxLength: 64 },
                isPrimary: { type: 'boolean' },
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
          contactRecords: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                author: loginSchema,
                channel: { enum: contactChannels },
                outcome: { enum: contactOutcomeKeys },
                notes: { type: 'string', maxLength: 4000 },
                daysAgo: daysSchema,
                contact: { type: 'integer', minimum: 0, description: 'index into this customer’s contacts' },
                nextFollowUpInDays: { type: 'integer', minimum: -365, maximum: 365, description: 'from today; negative: overdue' },
              },
              required: ['author', 'channel', 'outcome', 'daysAgo'],
              additionalProperties: false,
            },
          },
          ...demoCustomerRecordsProperties,
        },
        required: ['name', 'stage', 'owner'],
        additionalProperties: false,
      },
    },
  },
  required: ['customers'],
  additionalProperties: false,
} as const;

export type DemoCustomers = FromSchema<typeof demoCustomersSchema>;
