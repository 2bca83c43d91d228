import type { EntityManager } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { contactRecordDocument } from '../contact-records/contact-record-document.ts';
import { ContactRecord } from '../contact-records/contact-record.entity.ts';
import { contactRecordListSource } from '../contact-records/list-contact-records.query.ts';
import { customerView } from '../customers/customer-access.ts';
import { customerColumnFields } from '../customers/customer-document.ts';
import { customerDocuments } from '../customers/customer-owners.ts';
import { Customer } from '../customers/customer.entity.ts';
import { customerListSource } from '../customers/list-customers.query.ts';
import { visibleDocument, type RecordFieldAccess } from '../customers/record-field-access.ts';
import { leadColumnFields, leadView, type LeadRow } from '../leads/lead-document.ts';
import { leadListSource } from '../leads/list-leads.query.ts';
import type { ListSource } from '../lists/list-rows.ts';
import { opportunityListSource } from '../opportunities/list-opportunities.query.ts';
import { opportunityDocument } from '../opportunities/opportunity-document.ts';
import { Opportunity } from '../opportunities/opportunity.entity.ts';
import { orderListSource, withLines } from '../orders/list-orders.query.ts';
import { Order } from '../orders/order.entity.ts';
import { ticketListSource } from '../tickets/list-tickets.query.ts';
import { ticketDocument } from '../tickets/ticket-document.ts';
import { Ticket } from '../tickets/ticket.entity.ts';
import type { ListedEntity } from '../lists/record-list-catalogue.ts';
import type { ExportableFields } from './export-columns.ts';

/** What exporting one list needs: its sheet's name, the fields it may carry, its source and its rows as views. */
export interface ExportedList {
  entity: ListedEntity;
  sheetName: LocalizedText;
  /** The file name's stem: `customers-2026-11-24.xlsx`. */
  fileStem: string;
  fields: ExportableFields;
  source(caller: SignedIn, catalogue: FactCatalogue, access: RecordFieldAccess, query: Record<string, unknown>): ListSource;
  /** The rows as the role may see them: hidden fields absent, masked ones masked (the views every read goes through). */
  views(em: EntityManager, rows: Array<Record<string, unknown>>, access: RecordFieldAccess): Promise<Array<Record<string, unknown>>>;
}

const id = { key: 'id', header: { en: 'ID', 'zh-CN': '编号' } };
const updatedAt = { key: 'updatedAt', header: { en: 'Updated at', 'zh-CN': '更新时间' } };
const customerId = { key: 'customerId', header: { en: 'Customer ID', 'zh-CN': '客户编号' } };

export const exportedLists: Record<ListedEntity, ExportedList> = {
  customer: {
    entity: 'customer',
    sheetName: { en: 'Customers', 'zh-CN': '客户' },
    fileStem: 'customers',
    fields: {
      columnFields: customerColumnFields,
      keys: [
        id,
        ...['name', 'phone', 'keywords', 'stage', 'ownership', 'doNotCall', 'callCount', 'totalDealAmount', 'contractEndsOn'].map((key) => ({ key })),
        ...['lastContactAt', 'lastDealAt', 'nextFollowUpAt', 'createdAt'].map((key) => ({ key })),
        updatedAt,
      ],
    },
    source: (caller, catalogue, access, query) => customerListSource(caller, catalogue, access, query),
    async views(em, rows, access) {
      const documents = await customerDocuments(em, rows.map((row) => em.map(Customer, row)));
      return documents.map((document) => customerView(document, access) as unknown as Record<string, unknown>);
    },
  },
  lead: {
    entity: 'lead',
    sheetName: { en: 'Leads', 'zh-CN': '线索' },
    fileStem: 'leads',
    fields: {
      columnFields: leadColumnFields,
      keys: [
        id,
        ...['name', 'company', 'phone', 'email', 'region', 'status', 'source', 'campaignId', 'score', 'ownership', 'createdAt'].map((key) => ({ key })),
        updatedAt,
      ],
    },
    source: (caller, catalogue, _access, query) => leadListSource(caller, catalogue, query),
    views: async (_em, rows, access) => rows.map((row) => leadView(row as unknown as LeadRow, access) as unknown as Record<string, unknown>),
  },
  opportunity: {
    entity: 'opportunity',
    sheetName: { en: 'Opportunities', 'zh-CN': '商机' },
    fileStem: 'opportunities',
    fields: {
      columnFields: [],
      keys: [
        id,
        customerId,
        ...['name', 'stage', 'status', 'probability', 'amount', 'expectedCloseOn', 'createdAt', 'lastContactAt', 'nextFollowUpAt'].map((key) => ({ key })),
        updatedAt,
      ],
    },
    source: (caller, catalogue, _access, query) => opportunityListSource(caller, catalogue, query),
    // Opportunities have no maskable built-in fields; custom fields follow the view's access like every other list.
    views: async (em, rows, access) =>
      rows.map((row) => visibleDocument(opportunityDocument(em.map(Opportunity, row)), access) as unknown as Record<string, unknown>),
  },
  order: {
    entity: 'order',
    sheetName: { en: 'Orders', 'zh-CN': '订单' },
    fileStem: 'orders',
    fields: {
      columnFields: [],
      keys: [
        id,
        customerId,
        ...['orderNumber', 'status', 'amount', 'paidAmount', 'isPaid', 'dueOn', 'createdAt', 'nextFollowUpAt'].map((key) => ({ key })),
        { key: 'shippedAt', header: { en: 'Shipped at', 'zh-CN': '发货时间' } },
        updatedAt,
      ],
    },
    source: (caller, catalogue, _access, query) => orderListSource(caller, catalogue, query),
    views: async (em, rows, access) =>
      (await withLines(em, rows.map((row) => em.map(Order, row)))).map((order) => visibleDocument(order, access) as unknown as Record<string, unknown>),
  },
  ticket: {
    entity: 'ticket',
    sheetName: { en: 'Tickets', 'zh-CN': '工单' },
    fileStem: 'tickets',
    fields: {
      columnFields: [],
      keys: [
        id,
        customerId,
        ...['subject', 'status', 'priority', 'channel', 'createdAt', 'firstResponseAt', 'resolvedAt', 'slaDueAt'].map((key) => ({ key })),
        updatedAt,
      ],
    },
    source: (caller, catalogue, _access, query) => ticketListSource(caller, catalogue, query),
    views: async (em, rows) => {
      const now = new Date();
      return rows.map((row) => ticketDocument(em.map(Ticket, row), now) as unknown as Record<string, unknown>);
    },
  },
  contactRecord: {
    entity: 'contactRecord',
    sheetName: { en: 'Contact records', 'zh-CN': '联系记录' },
    fileStem: 'contact-records',
    fields: {
      columnFields: [],
      keys: [
        id,
        customerId,
        { key: 'contactId', header: { en: 'Contact ID', 'zh-CN': '联系人编号' } },
        ...['channel', 'outcome', 'notes', 'occurredAt', 'nextFollowUpAt', 'reminderAt'].map((key) => ({ key })),
        { key: 'authorId', header: { en: 'Logged by (user ID)', 'zh-CN': '记录人编号' } },
        { key: 'createdAt' },
      ],
    },
    source: (caller, catalogue) => contactRecordListSource(caller, catalogue),
    // No role field permissions apply to contact records: the document is the view.
    views: async (em, rows) => rows.map((row) => contactRecordDocument(em.map(ContactRecord, row)) as unknown as Record<string, unknown>),
  },
};
