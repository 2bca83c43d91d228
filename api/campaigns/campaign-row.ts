import type { CampaignView } from './campaign-bodies.schema.ts';

/** A campaign row as PostgreSQL returns it (bigints and numerics as text, dates as text by `::text`). */
export interface CampaignRow {
  id: string;
  name: string;
  channel: string;
  starts_on: string | null;
  ends_on: string | null;
  cost: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** Dates are selected as text so a `date` never shifts through a JavaScript Date in the server's time zone. */
export const campaignColumns = 'id, name, channel, starts_on::text, ends_on::text, cost, created_by, created_at, updated_at, version';

export function campaignView(row: CampaignRow): CampaignView {
  return {
    id: Number(row.id),
    name: row.name,
    channel: row.channel,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    cost: Number(row.cost),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
