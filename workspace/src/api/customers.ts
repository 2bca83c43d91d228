import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { LocalizedText } from './me.ts';

/** A customer as the signed-in person sees it (api/customers/customer-view.schema.ts): hidden fields are absent. */
export interface Customer {
  id: number;
  name?: string;
  phone?: string | null;
  keywords?: Array<string | null>;
  stage: string;
  flags: Record<string, string>;
  definition: { key: string; version: number };
  ownership: 'personal' | 'collaborative' | 'pool';
  ownerId: number | null;
  owners: Array<{ userId: number; role: string; since: string }>;
  doNotCall?: boolean | string;
  callCount?: number | string;
  contractEndsOn?: string | null;
  lastContactAt?: string | null;
  nextFollowUpAt?: string | null;
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CustomerPage {
  items: Customer[];
  nextCursor: string | null;
}

export interface Contact {
  id: number;
  name?: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  isPrimary?: boolean | string;
  version: number;
}

export interface ContactRecord {
  id: number;
  channel: string;
  outcome: string;
  outcomeLabel: LocalizedText | null;
  notes: string;
  occurredAt: string;
  nextFollowUpAt: string | null;
  reminderAt: string | null;
  authorId: number;
}

export interface Opportunity {
  id: number;
  name: string;
  stage: string;
  status: string;
  probability?: number;
  amount?: number | string | null;
  expectedCloseOn?: string | null;
}

export interface Order {
  id: number;
  orderNumber: string;
  status: string;
  amount?: number | string | null;
  paidAmount?: number | string | null;
  paymentState?: string;
  dueOn?: string | null;
}

export interface Ticket {
  id: number;
  subject: string;
  status: string;
  priority: string;
  slaState?: string;
}

export interface AuditEntry {
  id: number;
  entity: string;
  recordId: number;
  action: string;
  actorId: number | null;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  why: AuditWhy;
}

/** api/audit/audit-why.ts as it travels: the engine's trace, or a command's reason. */
export type AuditWhy =
  | { kind: 'trace'; trace: { event: string; from: string; to: string; flagsBefore?: Record<string, string>; flagsAfter?: Record<string, string> }; payload?: Record<string, unknown> }
  | { kind: 'reason'; code: string; text?: string; fields?: string[]; words?: LocalizedText | string };

export interface OwnershipEvent {
  id: number;
  action: 'create' | 'claim' | 'release' | 'assign' | 'remove';
  ownerId: number | null;
  actorId: number | null;
  occurredAt: string;
  reason: string | null;
}

/** A button of GET /api/customers/:id/actions, from the definition version the customer runs on. */
export interface RecordAction {
  event: string;
  label: LocalizedText;
  available: boolean;
  target?: string;
  targetLabel?: LocalizedText;
  reason?: { path: string; code: string; message: LocalizedText };
}

export interface FiredEvent {
  event: string;
  from: string;
  to: string;
  version: number;
}

export type CustomerChanges = Partial<Pick<Customer, 'name' | 'phone' | 'contractEndsOn'>> & { keywords?: string[]; customFields?: Record<string, unknown> };

const base = (id: number) => `/api/customers/${id}`;
const itemsOf = <T>(body: T[] | { items: T[] }): T[] => (Array.isArray(body) ? body : body.items);

export const fetchCustomer = (api: ApiClient, id: number) => api.get<Customer>(base(id));

/** PATCH with the version the form was loaded from: a change made meanwhile answers 409 `stale-version`. */
export const updateCustomer = (api: ApiClient, customer: Pick<Customer, 'id' | 'version'>, changes: CustomerChanges) =>
  api.patch<Customer>(base(customer.id), changes, { 'if-match': `"${customer.version}"` });

/** What the caller may change of the customer now (GET …/editable-fields): exactly what PATCH would accept. */
export interface EditRights {
  fields: string[];
  refusal?: 'sharedCustomer' | 'stageForbids';
  /** The records the caller may open under the customer now. */
  mayCreate: Array<'contact' | 'opportunity' | 'order' | 'ticket'>;
}

export const fetchEditRights = (api: ApiClient, id: number) => api.get<EditRights>(`${base(id)}/editable-fields`);

export const fetchCustomerActions = (api: ApiClient, id: number) => api.get<RecordAction[]>(`${base(id)}/actions`);

export const fireCustomerEvent = (api: ApiClient, customer: Pick<Customer, 'id' | 'version'>, type: string, payload?: Record<string, unknown>) =>
  api.post<FiredEvent>(`${base(customer.id)}/events`, payload === undefined ? { type } : { type, payload }, { 'if-match': `"${customer.version}"` });

export const fetchContacts = async (api: ApiClient, id: number) => itemsOf(await api.get<Contact[] | { items: Contact[] }>(`${base(id)}/contacts`));

export const fetchContactRecords = async (api: ApiClient, id: number) =>
  itemsOf(await api.get<ContactRecord[] | { items: ContactRecord[] }>(`${base(id)}/contact-records?limit=50`));

export const fetchOpportunities = async (api: ApiClient, id: number) =>
  itemsOf(await api.get<Opportunity[] | { items: Opportunity[] }>(`${base(id)}/opportunities`));

export const fetchOrders = async (api: ApiClient, id: number) => itemsOf(await api.get<Order[] | { items: Order[] }>(`${base(id)}/orders`));

export const fetchTickets = async (api: ApiClient, id: number) => itemsOf(await api.get<Ticket[] | { items: Ticket[] }>(`${base(id)}/tickets`));

export const fetchAuditTrail = async (api: ApiClient, id: number) => itemsOf(await api.get<{ items: AuditEntry[] }>(`${base(id)}/audit?limit=50`));

export const fetchOwnershipHistory = async (api: ApiClient, id: number) =>
  itemsOf(await api.get<{ items: OwnershipEvent[] }>(`${base(id)}/ownership-history?limit=50`));

/** The pool's list request (GET /api/customers?ownership=pool), optionally narrowed by name, phone or keyword. */
export function poolSearch(query: { q?: string; stage?: string; cursor?: string }): URLSearchParams {
  const search = new URLSearchParams({ ownership: 'pool', limit: '50' });
  if (query.q !== undefined && query.q.trim() !== '') search.set('q', query.q.trim());
  if (query.stage !== undefined) search.set('stage', query.stage);
  if (query.cursor !== undefined) search.set('cursor', query.cursor);
  return search;
}

/** A page of the shared pool for a list request (poolSearch, with any filter and sort), with the total it selects. */
export function fetchPoolCustomers(api: ApiClient, search: URLSearchParams): Promise<CustomerPage & { total: number }> {
  return api.get<CustomerPage & { total: number }>(`/api/customers?${search}`);
}

/** POST …/reassign (managers and administrators): a new primary owner; answers the customer as it is now. */
export const reassignCustomer = (api: ApiClient, id: number, body: { toUserId: number; reason?: string }) =>
  api.post<Customer>(`${base(id)}/reassign`, body);

export const createOpportunity = (api: ApiClient, customerId: number, body: { name: string; amount?: number | string; expectedCloseOn?: string }) =>
  api.post<Opportunity>(`${base(customerId)}/opportunities`, body);

/** POST /api/customers/:id/orders: numbers the person typed that are none are sent as typed, for the API to name. */
export interface NewOrderBody {
  lines: Array<{ product: string; quantity: number | string; unitPrice: number | string }>;
  dueOn?: string;
  opportunityId?: number;
  note?: string;
}

export const createOrder = (api: ApiClient, customerId: number, body: NewOrderBody) => api.post<Order>(`${base(customerId)}/orders`, body);

/** What the console sends to POST /api/customers. */
export interface NewCustomerBody {
  name: string;
  phone?: string;
  keywords?: string[];
  stage?: string;
  ownership: 'personal' | 'pool';
  customFields?: Record<string, unknown>;
}

/** A customer GET /api/customers/duplicates found: which keys it shares, and it — when the caller may see it. */
export interface DuplicateMatch {
  name: boolean;
  phone: boolean;
  keywords: string[];
  customer: { id: number; name?: string } | null;
}

/** GET /api/customers/duplicates: the live customers a new one with these values would duplicate. */
export function checkCustomerDuplicates(api: ApiClient, values: { name: string; phone: string; keywords: string }): Promise<{ matches: DuplicateMatch[] }> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value.trim() !== '') search.set(key, value.trim());
  return api.get<{ matches: DuplicateMatch[] }>(`/api/customers/duplicates?${search}`);
}

export const createCustomer = (api: ApiClient, body: NewCustomerBody) => api.post<Customer>('/api/customers', body);
