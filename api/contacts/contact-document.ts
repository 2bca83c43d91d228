import type { InferEntity } from '@mikro-orm/core';
import type { Contact } from './contact.entity.ts';

export type ContactRow = InferEntity<typeof Contact>;

/** A contact as the API shows it before masking. */
export interface ContactDocument {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  isPrimary: boolean;
  customFields: Record<string, unknown>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function contactDocument(row: ContactRow): ContactDocument {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    title: row.title ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    wechat: row.wechat ?? null,
    isPrimary: row.isPrimary,
    customFields: { ...row.customFields },
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
