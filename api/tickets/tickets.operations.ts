import type { FromSchema } from 'json-schema-to-ts';
import { ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { listDescription, listPageBody, listProblems } from '../lists/list-operation-parts.ts';
import { listQueryProperties } from '../lists/list-query.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { recordActionSchema } from '../transitions/record-action.schema.ts';
import { eventProblems, firedEventSchema, recordEventBodySchema } from '../transitions/record-event-bodies.schema.ts';
import { createTicketBodySchema, updateTicketBodySchema } from './ticket-bodies.schema.ts';
import { ticketViewSchema } from './ticket-document.ts';

export const ticketsTag = {
  name: 'tickets',
  title: { en: 'Tickets', 'zh-CN': '工单' },
  description: {
    en: 'A customer’s service tickets, taken, worked, escalated and resolved by the ticket machine with its SLA timers.',
    'zh-CN': '客户的服务工单，由工单流程分派、处理、升级和解决，并按时限自动升级。',
  },
} as const satisfies ApiTag;

const idParams = (what: string) =>
  ({ type: 'object', properties: { id: { type: 'string', description: what } }, required: ['id'] }) as const;

const customerNotVisible = '`not-found`: no such customer, or not one your role may see (the answer does not tell which).';
const notVisible = '`not-found`: no such ticket, or its customer is not one your role may see.';

/** GET /api/tickets */
export const listTicketsQuerySchema = {
  type: 'object',
  properties: { status: { type: 'string', maxLength: 64, description: 'only tickets in this state' }, ...listQueryProperties('ticket') },
  additionalProperties: false,
} as const;
export type ListTicketsQuery = FromSchema<typeof listTicketsQuerySchema>;

export const listTicketsOperation = defineOperation({
  operationId: 'listTickets',
  method: 'get',
  path: '/tickets',
  summary: { en: 'Tickets you may see', 'zh-CN': '可见的工单' },
  description: `Those of every customer you may see. ${listDescription('ticket')}`,
  tags: [ticketsTag],
  auth: 'session',
  query: listTicketsQuerySchema,
  responses: { 200: { description: 'A page of tickets.', body: listPageBody('Ticket list page', ticketViewSchema, 'tickets') } },
  problems: { ...listProblems, 503: '`definitions-missing`: a filter or sort needs the published ticket machine.' },
});

export const listCustomerTicketsOperation = defineOperation({
  operationId: 'listCustomerTickets',
  method: 'get',
  path: '/customers/:id/tickets',
  summary: { en: 'The customer’s tickets', 'zh-CN': '客户的工单' },
  tags: [ticketsTag],
  auth: 'session',
  params: idParams('the customer’s id'),
  responses: { 200: { description: 'Newest first.', body: { type: 'array', items: ticketViewSchema } } },
  problems: { 404: customerNotVisible },
});

export const createTicketOperation = defineOperation({
  operationId: 'createTicket',
  method: 'post',
  path: '/customers/:id/tickets',
  summary: { en: 'Open a ticket', 'zh-CN': '新建工单' },
  description:
    'Unassigned, in the ticket machine’s first state on the latest published machine; its response and resolve due times come ' +
    'from its priority’s service level, counted from now.',
  tags: [ticketsTag],
  auth: 'session',
  params: idParams('the customer’s id'),
  body: createTicketBodySchema,
  responses: {
    201: {
      description: 'Created.',
      body: ticketViewSchema,
      headers: { Location: { description: 'the new ticket’s address', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: {
    404: customerNotVisible,
    503: '`definitions-missing`: no ticket machine is published yet.',
  },
});

export const getTicketOperation = defineOperation({
  operationId: 'getTicket',
  method: 'get',
  path: '/tickets/:id',
  summary: { en: 'Get one ticket', 'zh-CN': '查看工单' },
  tags: [ticketsTag],
  auth: 'session',
  params: idParams('the ticket’s id'),
  responses: { 200: { description: 'The ticket.', body: ticketViewSchema, headers: { ETag: versionHeader } } },
  problems: { 404: notVisible },
});

export const fireTicketEventOperation = defineOperation({
  operationId: 'fireTicketEvent',
  method: 'post',
  path: '/tickets/:id/events',
  summary: { en: 'Send the ticket’s machine an event', 'zh-CN': '向工单流程发送事件' },
  description: 'TAKE, START_WORK, ESCALATE, RESOLVE, REOPEN, CLOSE in the generic ticket machine. Starting work stamps the first response; resolving stamps resolvedAt.',
  tags: [ticketsTag],
  auth: 'session',
  params: idParams('the ticket’s id'),
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  body: recordEventBodySchema,
  responses: { 200: { description: 'Taken.', body: firedEventSchema, headers: { ETag: versionHeader } } },
  problems: { ...eventProblems, 404: notVisible },
});

export const listTicketActionsOperation = defineOperation({
  operationId: 'listTicketActions',
  method: 'get',
  path: '/tickets/:id/actions',
  summary: { en: 'The buttons of the ticket’s state', 'zh-CN': '工单当前状态可执行的操作' },
  description: 'From the machine version it runs on, judged for you now: available or not, and why not.',
  tags: [ticketsTag],
  auth: 'session',
  params: idParams('the ticket’s id'),
  responses: { 200: { description: 'In the definition’s ticket.', body: { type: 'array', items: recordActionSchema } } },
  problems: { 404: notVisible },
});

export const updateTicketOperation = defineOperation({
  operationId: 'updateTicket',
  method: 'patch',
  path: '/tickets/:id',
  summary: { en: 'Change a ticket', 'zh-CN': '修改工单' },
  description:
    'Subject, description, priority (the due times follow), channel and assignee; the state moves only through events. A new ' +
    'assignee sends the machine ASSIGNED as the system in the same transaction. Say which version you changed.',
  tags: [ticketsTag],
  auth: 'session',
  params: idParams('the ticket’s id'),
  headers: { 'If-Match': ifMatchHeader },
  body: updateTicketBodySchema,
  responses: { 200: { description: 'Changed.', body: ticketViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    400: '`validation` also when `assigneeId` is not an active user you may give work to who can see the customer.',
    403: '`forbidden`: the ticket’s state does not give your role edit (or claim, for taking it yourself; assign, for giving it to someone else).',
    404: notVisible,
    409: '`stale-version`: changed since you loaded it.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});
