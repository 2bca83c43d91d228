import type { EntityManager } from '@mikro-orm/postgresql';
import type { FromSchema } from 'json-schema-to-ts';
import type { internalRecipientSchema } from '../../definitions/effect-catalogue.schema.ts';
import { boundQuery } from '../database/bound-query.ts';
import { recordTables } from './record-tables.ts';

export type InternalRecipient = FromSchema<typeof internalRecipientSchema>;

/** The record a notification is about, and who caused it. */
export interface NotificationSubject {
  entity: string;
  recordId: number;
  actorId: number | null;
}

export interface Ownership {
  /** Whether the record exists (live) at all. */
  found: boolean;
  customerId: number | null;
  owner: number | null;
  collaborators: number[];
  /** What a person recognises the record by: a customer's or opportunity's name, an order number, a ticket subject. */
  label: string | null;
}

/**
 * The record's customer, its owner — the record's own (an opportunity's, a ticket's assignee) or else its customer's
 * primary owner — and the customer’s collaborators. A record that no longer exists (or is in the recycle bin) has
 * nobody; one without a customer (a lead not yet converted) has its own owner only.
 */
export async function recordOwnership(em: EntityManager, entity: string, recordId: number): Promise<Ownership> {
  const columns = recordTables[entity];
  const nobody: Ownership = { found: false, customerId: null, owner: null, collaborators: [], label: null };
  if (columns === undefined) return nobody;
  const customerColumn = `r.${columns.customerColumn}`;
  const [row] = await boundQuery<{ customer_id: string | null; owner_id: string | null; collaborators: string[] | null; label: string | null }>(
    em,
    `select ${customerColumn}::text as customer_id, coalesce(r.${columns.ownerColumn}, c.owner_id)::text as owner_id,
            (select array_agg(o.user_id::text order by o.user_id) from customer_owner o
             where o.customer_id = c.id and o.role = 'collaborator') as collaborators,
            r.${columns.labelColumn}::text as label
     from ${columns.table} r left join customer c on c.id = ${customerColumn} and c.deleted_at is null
     where r.id = $1 and r.deleted_at is null and (${customerColumn} is null or c.id is not null)`,
    [recordId],
  );
  if (row === undefined) return nobody;
  return {
    found: true,
    customerId: row.customer_id === null ? null : Number(row.customer_id),
    owner: row.owner_id === null ? null : Number(row.owner_id),
    collaborators: (row.collaborators ?? []).map(Number),
    label: row.label,
  };
}

/**
 * The user ids a notify effect's `to` names, about one record: `owner`, `collaborators`, `ownerManager` (the manager
 * of the owner's team), `actor` (whoever caused it; nobody when the system did), a named user, or everyone active
 * holding a role. Inactive users are dropped when the notification is written.
 */
export async function resolveRecipients(
  em: EntityManager,
  recipients: readonly InternalRecipient[],
  subject: NotificationSubject,
  ownership?: Ownership,
): Promise<number[]> {
  const { owner, collaborators } = ownership ?? (await recordOwnership(em, subject.entity, subject.recordId));
  const found = new Set<number>();
  for (const recipient of recipients) {
    if (recipient === 'owner') {
      if (owner !== null) found.add(owner);
    } else if (recipient === 'collaborators') {
      for (const id of collaborators) found.add(id);
    } else if (recipient === 'actor') {
      if (subject.actorId !== null) found.add(subject.actorId);
    } else if (recipient === 'ownerManager') {
      if (owner === null) continue;
      const rows = await boundQuery<{ id: string }>(
        em,
        'select t.manager_id::text as id from app_user u join team t on t.id = u.team_id where u.id = $1 and t.manager_id is not null',
        [owner],
      );
      for (const row of rows) found.add(Number(row.id));
    } else if ('userId' in recipient) {
      if (/^[1-9]\d{0,15}$/.test(recipient.userId)) found.add(Number(recipient.userId));
    } else {
      const rows = await boundQuery<{ id: string }>(em, 'select id::text as id from app_user where role_key = $1 and active', [recipient.role]);
      for (const row of rows) found.add(Number(row.id));
    }
  }
  return [...found].sort((a, b) => a - b);
}
