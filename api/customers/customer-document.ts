import type { InferEntity } from '@mikro-orm/core';
import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { ColumnField } from './record-field-access.ts';
import type { CustomerOwnerRole } from './customer-owner.entity.ts';
import type { Customer, Ownership } from './customer.entity.ts';

export type CustomerRow = InferEntity<typeof Customer>;

/** The customer's built-in fields a role's fieldPermissions may hide or mask; the first five a request may set. */
export const customerColumnFields: readonly ColumnField[] = [
  { key: 'name', label: { en: 'Name', 'zh-CN': '客户名称' }, type: 'text', writable: true },
  { key: 'phone', label: { en: 'Phone', 'zh-CN': '电话' }, type: 'phone', writable: true },
  { key: 'keywords', label: { en: 'Keywords', 'zh-CN': '关键字' }, type: 'text', writable: true },
  // A yes/no masks like any choice: ***.
  { key: 'doNotCall', label: { en: 'Do not call', 'zh-CN': '勿扰' }, type: 'dropdown', writable: true },
  { key: 'contractEndsOn', label: { en: 'Contract ends on', 'zh-CN': '合同到期日' }, type: 'date', writable: true },
  { key: 'callCount', label: { en: 'Calls made', 'zh-CN': '通话次数' }, type: 'number', writable: false },
  { key: 'totalDealAmount', label: { en: 'Total deal amount', 'zh-CN': '累计成交金额' }, type: 'number', writable: false },
  { key: 'lastContactAt', label: { en: 'Last contact', 'zh-CN': '上次联系时间' }, type: 'date', writable: false },
  { key: 'lastDealAt', label: { en: 'Last deal', 'zh-CN': '上次成交时间' }, type: 'date', writable: false },
  { key: 'nextFollowUpAt', label: { en: 'Next follow-up', 'zh-CN': '下次跟进时间' }, type: 'date', writable: false },
];

export interface CustomerOwnerView {
  userId: number;
  role: CustomerOwnerRole;
  since: string;
}

/** A customer as the API shows it before masking; audit entries keep this form too. */
export interface CustomerDocument {
  id: number;
  name: string;
  phone: string | null;
  keywords: string[];
  stage: string;
  flags: StageFlags;
  definition: { key: string; version: number };
  ownership: Ownership;
  ownerId: number | null;
  owners: CustomerOwnerView[];
  teamId: number | null;
  doNotCall: boolean;
  callCount: number;
  totalDealAmount: number;
  contractEndsOn: string | null;
  lastContactAt: string | null;
  lastDealAt: string | null;
  nextFollowUpAt: string | null;
  customFields: Record<string, unknown>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt?: string;
  deletedBy?: number | null;
}

const iso = (date: Date | null | undefined) => (date == null ? null : date.toISOString());

/** Built field by field, so a new column (a dedupe key, say) never reaches a response by default. */
export function customerDocument(
  row: CustomerRow,
  owners: ReadonlyArray<{ userId: number; role: CustomerOwnerRole; since: Date }>,
): CustomerDocument {
  const document: CustomerDocument = {
    id: row.id,
    name: row.name,
    phone: row.phone ?? null,
    keywords: [...row.keywords],
    stage: row.stage,
    flags: row.machineSnapshot.flags,
    definition: { key: row.definitionKey, version: row.definitionVersion },
    ownership: row.ownership,
    ownerId: row.ownerId ?? null,
    owners: [...owners]
      .sort((a, b) => (a.role === b.role ? a.since.getTime() - b.since.getTime() : a.role === 'primary' ? -1 : 1))
      .map((owner) => ({ userId: owner.userId, role: owner.role, since: owner.since.toISOString() })),
    teamId: row.teamId ?? null,
    doNotCall: row.doNotCall,
    callCount: row.callCount,
    totalDealAmount: Number(row.totalDealAmount),
    contractEndsOn: row.contractEndsOn ?? null,
    lastContactAt: iso(row.lastContactAt),
    lastDealAt: iso(row.lastDealAt),
    nextFollowUpAt: iso(row.nextFollowUpAt),
    customFields: { ...row.customFields },
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
  if (row.deletedAt != null) {
    document.deletedAt = row.deletedAt.toISOString();
    document.deletedBy = row.deletedBy ?? null;
  }
  return document;
}
