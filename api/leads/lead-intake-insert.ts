import type { EntityManager } from '@mikro-orm/postgresql';
import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import type { RoutingState } from '../../engine/routing/index.ts';
import type { AuditInput } from '../commands/command-context.ts';
import { auditEntriesInsert, stampedAuditRow, type CommandStamp } from '../commands/audit-and-outbox-rows.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { noteOutboxInserted } from '../outbox/outbox-commit-nudge.ts';
import type { LeadRow } from './lead-document.ts';
import { duplicateMatchesSql } from './lead-intake-read.ts';
import type { LeadAssignment } from './lead-view.schema.ts';

/** A lead the batch accepted, decided and ready to insert, with the id drawn for it. */
export interface LeadToInsert {
  id: number;
  columns: {
    name: string;
    company: string | null;
    phone: string | null;
    phone_normalized: string | null;
    email: string | null;
    email_key: string | null;
    region: string | null;
    source: string;
    campaign_id: number | null;
    web_form_id: number | null;
    score: number | null;
    status: string;
    owner_id: number | null;
    custom_fields: Record<string, unknown>;
    assignment: LeadAssignment;
    machine_snapshot: MachineSnapshot;
    created_by: number | null;
  };
  /** Who took it in, when, for which request: the lead's times, its audit entry and its notice carry it. */
  stamp: CommandStamp;
  /** The `create` entry's `after` and `why`. */
  audit: Pick<AuditInput, 'after' | 'why'>;
  /** The rep to tell (the catalogue's `notify` effect), or undefined. */
  notice: EffectInvocation | undefined;
}

/** An audit entry a batch writes on a record that already exists (a web form's resubmission), stamped as its request. */
export interface StampedAudit {
  entry: AuditInput;
  stamp: CommandStamp;
}

export interface IntakeWrite {
  leads: readonly LeadToInsert[];
  audits: readonly StampedAudit[];
  machine: { key: string; version: number };
  policyKey: string;
  /** The state after the batch's last decision; undefined when no decision changed it. */
  state: RoutingState | undefined;
  now: Date;
}

/**
 * One statement writing a batch: every accepted lead with its assignment and owner's team, the policy's new state,
 * each lead's `create` audit entry, the other audit entries (resubmissions), and the outbox message telling each
 * assigned rep (key `lead:<id>:v<version>:assigned:0`, the shape effectMessages writes). Rows travel as JSON arrays
 * (bound, never spliced). First it checks, with a snapshot taken under the dedupe locks, that no accepted lead has
 * a duplicate the batch's read could not see (committed while it waited for a lock); if one has, it writes nothing
 * and answers undefined, so the batch decides again. Otherwise: the inserted leads by id; the outbox ids go to the
 * commit nudge.
 */
export async function writeIntake(em: EntityManager, write: IntakeWrite): Promise<Map<number, LeadRow> | undefined> {
  const bind = new BindParams();
  const leads = write.leads.map((lead) => ({ id: lead.id, ...lead.columns, created_at: lead.stamp.now.toISOString() }));
  const audits = [
    ...write.leads.map((lead) =>
      stampedAuditRow({ entity: 'lead', recordId: lead.id, customerId: null, action: 'create', before: null, after: lead.audit.after, why: lead.audit.why }, lead.stamp),
    ),
    ...write.audits.map(({ entry, stamp }) => stampedAuditRow(entry, stamp)),
  ];
  const notices = write.leads
    .filter((lead) => lead.notice !== undefined)
    .map((lead) => ({ lead_id: lead.id, actor_id: lead.stamp.actorId, effect: lead.notice, at: lead.stamp.now.toISOString() }));
  // One row at least (the check's), then one per lead inserted; `l.*` keeps the driver's own parsing of the columns.
  const rows = await boundQuery<{ written: boolean; notice_ids: string[] } & (LeadRow | { [column in keyof LeadRow]: null })>(
    em,
    `with new_lead as (
       select * from jsonb_to_recordset(${bind.add(JSON.stringify(leads))}::jsonb)
         as r(id bigint, name varchar, company varchar, phone varchar, phone_normalized varchar, email varchar, email_key varchar,
              region varchar, source varchar, campaign_id bigint, web_form_id bigint, score int, status varchar, owner_id bigint,
              custom_fields jsonb, assignment jsonb, machine_snapshot jsonb, created_by bigint, created_at timestamptz)
     ),
     accepted as (select r.id as n, r.phone_normalized as phone, r.email_key as email from new_lead r),
     clear as (select not exists (${duplicateMatchesSql('accepted', { lead: 'false', customer: 'false' })}) as ok),
     lead_rows as (
       insert into lead (id, name, company, phone, phone_normalized, email, email_key, region, source, campaign_id, web_form_id, score, status,
                         ownership, owner_id, team_id, custom_fields, assignment, machine_snapshot, definition_key, definition_version,
                         created_by, created_at, updated_at)
       select r.id, r.name, r.company, r.phone, r.phone_normalized, r.email, r.email_key, r.region, r.source, r.campaign_id, r.web_form_id,
              r.score, r.status, case when r.owner_id is null then 'pool' else 'personal' end, r.owner_id, u.team_id, r.custom_fields,
              r.assignment, r.machine_snapshot, ${bind.add(write.machine.key)}, ${bind.add(write.machine.version)}::int, r.created_by,
              r.created_at, r.created_at
       from new_lead r left join app_user u on u.id = r.owner_id
       where (select ok from clear)
       order by r.id
       returning *
     ),
     state_row as (
       update routing_state set state = ${bind.add(JSON.stringify(write.state ?? null))}::jsonb, updated_at = ${bind.add(write.now)}::timestamptz
       where policy_key = ${bind.add(write.policyKey)} and ${bind.add(write.state !== undefined)}::boolean and (select ok from clear)
     ),
     audit_rows as (${auditEntriesInsert(bind, audits, '(select ok from clear)')}),
     notice_rows as (
       insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
       select 'effect.notify', jsonb_build_object('entity', 'lead', 'recordId', l.id::int, 'actorId', n.actor_id, 'effect', n.effect),
              'lead:' || l.id || ':v' || l.version || ':assigned:0', 'pending', 0, n.at, n.at
       from jsonb_to_recordset(${bind.add(JSON.stringify(notices))}::jsonb) as n(lead_id bigint, actor_id bigint, effect jsonb, at timestamptz)
       join lead_rows l on l.id = n.lead_id
       returning id
     )
     select c.ok as written, (select coalesce(array_agg(id), '{}') from notice_rows) as notice_ids, l.*
     from clear c left join lead_rows l on true`,
    bind.values,
  );
  if (!rows[0]!.written) return undefined;
  noteOutboxInserted(em, rows[0]!.notice_ids.map(Number));
  return new Map(rows.flatMap(({ written: _written, notice_ids: _noticeIds, ...lead }) => (lead.id === null ? [] : [[Number(lead.id), lead as LeadRow] as const])));
}
