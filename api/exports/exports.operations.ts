import { listCustomersQuerySchema } from '../customers/customer-bodies.schema.ts';
import { listVisibleContactRecordsQuerySchema } from '../contact-records/contact-record-bodies.schema.ts';
import { customersTag } from '../customers/customers.operations.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { listLeadsQuerySchema } from '../leads/lead-bodies.schema.ts';
import { leadsTag } from '../leads/leads.operations.ts';
import { listOpportunitiesQuerySchema, opportunitiesTag } from '../opportunities/opportunities.operations.ts';
import { listOrdersQuerySchema, ordersTag } from '../orders/orders.operations.ts';
import { listTicketsQuerySchema, ticketsTag } from '../tickets/tickets.operations.ts';

const columnsProperty = {
  type: 'string',
  minLength: 1,
  maxLength: 4000,
  description: 'the columns in sheet order, comma-separated: built-in fields by name, custom fields as `custom.<key>`; default every column your role sees',
} as const;

/** A list's query without its page: an export writes every row the filter selects. */
function exportQuery<P extends { limit: unknown; cursor: unknown }>(properties: P) {
  const { limit: _limit, cursor: _cursor, ...rest } = properties;
  return { type: 'object', properties: { ...rest, columns: columnsProperty }, additionalProperties: false } as const;
}

const spreadsheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const described =
  'Every row the filter selects, in the list’s order (same `filter`, `sort` and parameters as the list), streamed as an ' +
  '.xlsx sheet with headers in your language. Fields your role hides are not exported, masked ones are masked ' +
  '(138****5678). Each export is audited: who, which query, how many rows.';
const problems = {
  400: '`validation` for a filter, sort or column the list does not accept (named at `/query/filter/…`, `/query/sort/<level>`, `/query/columns/<index>`).',
  403: '`forbidden`: your role may not export (`mayExport`), or filter, sort or export a field it may not see (each named).',
  503: '`definitions-missing`: no machine is published for the list yet.',
};

/** GET /<list>/export: the list's query without its page, for roles with `mayExport`, answered with the sheet. */
function exportOperation<const P extends { limit: unknown; cursor: unknown }>(
  operationId: string,
  path: string,
  summary: { en: string; 'zh-CN': string },
  tag: ApiTag,
  listProperties: P,
) {
  return defineOperation({
    operationId,
    method: 'get',
    path,
    summary,
    description: described,
    tags: [tag],
    auth: { permissions: ['mayExport'] },
    query: exportQuery(listProperties),
    responses: { 200: { description: 'The sheet, streamed.', mediaType: spreadsheet } },
    problems,
  });
}

export const exportCustomersOperation = exportOperation(
  'exportCustomers',
  '/customers/export',
  { en: 'Export the customer list to Excel', 'zh-CN': '将客户列表导出为 Excel' },
  customersTag,
  listCustomersQuerySchema.properties,
);
export const exportLeadsOperation = exportOperation(
  'exportLeads',
  '/leads/export',
  { en: 'Export the lead list to Excel', 'zh-CN': '将线索列表导出为 Excel' },
  leadsTag,
  listLeadsQuerySchema.properties,
);
export const exportOpportunitiesOperation = exportOperation(
  'exportOpportunities',
  '/opportunities/export',
  { en: 'Export the opportunity list to Excel', 'zh-CN': '将商机列表导出为 Excel' },
  opportunitiesTag,
  listOpportunitiesQuerySchema.properties,
);
export const exportOrdersOperation = exportOperation(
  'exportOrders',
  '/orders/export',
  { en: 'Export the order list to Excel', 'zh-CN': '将订单列表导出为 Excel' },
  ordersTag,
  listOrdersQuerySchema.properties,
);
export const exportTicketsOperation = exportOperation(
  'exportTickets',
  '/tickets/export',
  { en: 'Export the ticket list to Excel', 'zh-CN': '将工单列表导出为 Excel' },
  ticketsTag,
  listTicketsQuerySchema.properties,
);
export const exportContactRecordsOperation = exportOperation(
  'exportContactRecords',
  '/contact-records/export',
  { en: 'Export the contact record list to Excel', 'zh-CN': '将联系记录列表导出为 Excel' },
  customersTag,
  listVisibleContactRecordsQuerySchema.properties,
);
