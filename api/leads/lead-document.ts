import type { EffectiveRole } from '../users/effective-role.ts';
import { recordFieldAccess, visibleDocument, type ColumnField, type RecordFieldAccess } from '../customers/record-field-access.ts';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { LeadAssignment, LeadView } from './lead-view.schema.ts';

/** A lead row as PostgreSQL returns it (bigints as text). */
export interface LeadRow {
  id: string | number;
  name: string;
  company: string | null;
  phone: string | null;
  email: string | null;
  region: string | null;
  source: LeadView['source'];
  campaign_id: string | number | null;
  web_form_id: string | number | null;
  score: number | null;
  status: string;
  ownership: 'personal' | 'pool';
  owner_id: string | number | null;
  team_id: string | number | null;
  custom_fields: Record<string, unknown>;
  assignment: LeadAssignment | null;
  converted_at: Date | null;
  converted_customer_id: string | number | null;
  converted_contact_id: string | number | null;
  converted_opportunity_id: string | number | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** The columns of a {@link LeadRow}, for statements that answer one: not the machine snapshot or dedupe keys. */
export const leadRowColumns = `id, name, company, phone, email, region, source, campaign_id, web_form_id, score, status, ownership, owner_id,
  team_id, custom_fields, assignment, converted_at, converted_customer_id, converted_contact_id, converted_opportunity_id, created_at,
  updated_at, version`;

/** The built-in lead fields a role's `fieldPermissions.lead` may name. */
export const leadColumnFields: readonly ColumnField[] = [
  { key: 'name', label: { en: 'name', 'zh-CN': '姓名' }, type: 'text', writable: true },
  { key: 'company', label: { en: 'company', 'zh-CN': '公司' }, type: 'text', writable: true },
  { key: 'phone', label: { en: 'phone', 'zh-CN': '电话' }, type: 'phone', writable: true },
  { key: 'email', label: { en: 'email', 'zh-CN': '邮箱' }, type: 'email', writable: true },
  { key: 'region', label: { en: 'region', 'zh-CN': '地区' }, type: 'text', writable: true },
  { key: 'score', label: { en: 'score', 'zh-CN': '评分' }, type: 'number', writable: true },
];

const idOf = (value: string | number | null) => (value === null ? null : Number(value));
const iso = (value: Date | string) => new Date(value).toISOString();

export function leadDocument(row: LeadRow): LeadView {
  return {
    id: Number(row.id),
    name: row.name,
    company: row.company,
    phone: row.phone,
    email: row.email,
    region: row.region,
    source: row.source,
    campaignId: idOf(row.campaign_id),
    webFormId: idOf(row.web_form_id),
    score: row.score,
    status: row.status,
    ownership: row.ownership,
    ownerId: idOf(row.owner_id),
    teamId: idOf(row.team_id),
    customFields: row.custom_fields,
    assignment: row.assignment,
    convertedAt: row.converted_at === null ? null : iso(row.converted_at),
    convertedCustomerId: idOf(row.converted_customer_id),
    convertedContactId: idOf(row.converted_contact_id),
    convertedOpportunityId: idOf(row.converted_opportunity_id),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

export function leadAccessOf(role: EffectiveRole, fields: readonly FieldDefinition[]): RecordFieldAccess {
  return recordFieldAccess('lead', role, leadColumnFields, fields);
}

export function leadView(row: LeadRow, access: RecordFieldAccess): LeadView {
  return visibleDocument(leadDocument(row), access);
}
