import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import type { WebFormDocument, WebFormView } from './web-form-bodies.schema.ts';

/** A web_form row as PostgreSQL returns it (bigints as text). */
export interface WebFormRow {
  id: string;
  key: string;
  document: WebFormDocument;
  campaign_id: string | null;
  routing_policy_key: string;
  allowed_origins: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const defaultRateLimit = { submissions: 5, windowSeconds: 600 } as const;

export const hostedPathOf = (key: string) => `/forms/${encodeURIComponent(key)}`;

export function webFormView(row: WebFormRow): WebFormView {
  return {
    id: Number(row.id),
    key: row.key,
    document: row.document,
    campaignId: row.campaign_id === null ? null : Number(row.campaign_id),
    routingPolicy: row.routing_policy_key,
    allowedOrigins: row.allowed_origins,
    active: row.active,
    hostedUrl: hostedPathOf(row.key),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

export async function webFormById(em: EntityManager, id: number): Promise<WebFormRow | undefined> {
  const [row] = await boundQuery<WebFormRow>(em, 'select * from web_form where id = $1', [id]);
  return row;
}

/** The form the public reaches at /forms/<key>: only an active one. */
export async function activeWebFormByKey(em: EntityManager, key: string): Promise<WebFormRow | undefined> {
  const [row] = await boundQuery<WebFormRow>(em, 'select * from web_form where key = $1 and active', [key]);
  return row;
}
