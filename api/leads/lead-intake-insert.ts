import type { EntityManager } from '@mikro-orm/postgresql';
import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import type { RoutingState } from '../../engine/routing/index.ts';
import type { AuditInput } from '../commands/command-context.ts';
import { auditEntriesInsert, stampedAuditRow, type CommandStamp } from '../commands/audit-and-outbox-rows.ts';
import { BindParams } from '../database/bound-query.ts';
import { preparedQuery } from '../database/prepared-query.ts';
import { noteOutboxInserted } from '../outbox/outbox-commit-nudge.ts';
import { leadRowColumns, type LeadRow } from './lead-document.ts';
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
  /** The dedupe lock names of the accepted leads. */
  lockNames: readonly string[];
  audits: readonly StampedAudit[];
  machine: { key: string; version: number };
  policyKey: string;
  /** The state after the batch's last decision, and the version of the state its first decision started from. */
  state: { next: RoutingState; readVersion: number };
  now: Date;
}

/** What a batch's write did: wrote its leads (answered by id), or nothing, since its read is out of date. */
export type IntakeWritten = { kind: 'written'; leads: Map<number, LeadRow> } | { kind: 'refused'; why: 'duplicate' | 'stale' };

/**
 * One statement writing a batch, in a transaction of its own unless the caller holds one: first the gate
 * (migration 0019) takes the dedupe locks, checks that no accepted lead has a duplicate committed since the batch's
 * read and moves the policy's state on from the version the batch read; when it refuses, nothing is written. Then
 * every accepted lead with its assignment and owner's team, each lead's `create` audit entry, the other audit entries
 * (resubmissions), and the outbox message telling each assigned rep (key `lead:<id>:v<version>:assigned:0`, the shape
 * effectMessages writes). Rows travel as JSON arrays (bound, never spliced), so the text is always the same and is
 * run as a prepared statement; the outbox ids go to the commit nudge.
 */
export async function writeIntake(em: EntityManager, write: IntakeWrite): Promise<IntakeWritten> {
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
  const present = <T>(values: ReadonlyArray<T | null>) => values.filter((value): value is T => value !== null);
  const gate = `lead_intake_gate(${bind.add(write.lockNames)}::text[], ${bind.add(present(write.leads.map((lead) => lead.columns.phone_normalized)))}::text[],
    ${bind.add(present(write.leads.map((lead) => lead.columns.email_key)))}::text[], ${bind.add(write.policyKey)}, ${bind.add(write.state.readVersion)}::bigint,
    ${bind.add(write.leads.length === 0 ? null : JSON.stringify(write.state.next))}::jsonb, ${bind.add(write.now)}::timestamptz)`;
  // One row at least (the gate's), then one per lead inserted; `l.*` keeps the driver's own parsing of the columns.
  const rows = await preparedQuery<{ gate: 'ok' | 'duplicate' | 'stale'; notice_ids: string[] } & (LeadRow | { [column in keyof LeadRow]: null })>(
    em,
    `with gate as (select ${gate} as outcome),
     new_lead as (
       select * from jsonb_to_recordset(${bind.add(JSON.stringify(leads))}::jsonb)
         as r(id bigint, name varchar, company varchar, phone varchar, phone_normalized varchar, email varchar, email_key varchar,
              region varchar, source varchar, campaign_id bigint, web_form_id bigint, score int, status varchar, owner_id bigint,
              custom_fields jsonb, assignment jsonb, machine_snapshot jsonb, created_by bigint, created_at timestamptz)
     ),
     lead_rows as (
       insert into lead (id, name, company, phone, phone_normalized, email, email_key, region, source, campaign_id, web_form_id, score, status,
                         ownership, owner_id, team_id, custom_fields, assignment, machine_snapshot, definition_key, definition_version,
                         created_by, created_at, updated_at)
       select r.id, r.name, r.company, r.phone, r.phone_normalized, r.email, r.email_key, r.region, r.source, r.campaign_id, r.web_form_id,
              r.score, r.status, case when r.owner_id is null then 'pool' else 'personal' end, r.owner_id, u.team_id, r.custom_fields,
              r.assignment, r.machine_snapshot, ${bind.add(write.machine.key)}, ${bind.add(write.machine.version)}::int, r.created_by,
              r.created_at, r.created_at
       from new_lead r left join app_user u on u.id = r.owner_id
       where (select outcome = 'ok' from gate)
       order by r.id
       returning ${leadRowColumns}
     ),
     audit_rows as (${auditEntriesInsert(bind, audits, "(select outcome = 'ok' from gate)")}),
     notice_rows as (
       insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
       select 'effect.notify', jsonb_build_object('entity', 'lead', 'recordId', l.id::int, 'actorId', n.actor_id, 'effect', n.effect),
              'lead:' || l.id || ':v' || l.version || ':assigned:0', 'pending', 0, n.at, n.at
       from jsonb_to_recordset(${bind.add(JSON.stringify(notices))}::jsonb) as n(lead_id bigint, actor_id bigint, effect jsonb, at timestamptz)
       join lead_rows l on l.id = n.lead_id
       returning id
     )
     select g.outcome as gate, (select coalesce(array_agg(id), '{}') from notice_rows) as notice_ids, l.*
     from gate g left join lead_rows l on true`,
    bind.values,
  );
  const outcome = rows[0]!.gate;
  if (outcome !== 'ok') return { kind: 'refused', why: outcome };
  noteOutboxInserted(em, rows[0]!.notice_ids.map(Number));
  const written = rows.flatMap(({ gate: _gate, notice_ids: _noticeIds, ...lead }) => (lead.id === null ? [] : [[Number(lead.id), lead as LeadRow] as const]));
  return { kind: 'written', leads: new Map(written) };
}
