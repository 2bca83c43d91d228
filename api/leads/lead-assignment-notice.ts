import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { BindParams } from '../database/bound-query.ts';

/** What intake knows of the lead it is about to insert, for telling the rep it goes to. */
export interface AssignedLead {
  name: string;
  ownerId: number | null;
  summary: LocalizedText;
}

/**
 * The catalogue's `notify` effect for the rep intake gives a lead to, the routing's own words as the body; undefined
 * when nobody is to be told (the pool, or a lead its author entered and kept). Named by id rather than `owner`: the
 * notify handler finds owners through a customer, and a lead has none.
 */
export function assignmentNotice(lead: AssignedLead, actorId: number | null): EffectInvocation | undefined {
  if (lead.ownerId === null || lead.ownerId === actorId) return undefined;
  return {
    type: 'notify',
    params: {
      to: [{ userId: String(lead.ownerId) }],
      title: { en: `New lead for you: ${lead.name}`, 'zh-CN': `新线索分配给您：${lead.name}` },
      body: lead.summary,
      severity: 'info',
    },
  };
}

/**
 * A common table expression (`notice_rows as (…)`, ready to follow `with` and a CTE `lead_row` that inserts the lead)
 * writing the notice's outbox message in intake's one statement, so telling the rep costs the policy's state-row lock
 * no extra round trip. The lead's id is only known there, so the message is built in SQL in the shape
 * effectMessages writes (payload `{entity, recordId, actorId, effect}`, key `lead:<id>:v<version>:assigned:0`).
 * Returns the new outbox ids as `notice_rows`, for the commit nudge.
 */
export function assignmentNoticeInsert(bind: BindParams, notice: EffectInvocation | undefined, actorId: number | null, now: string): string {
  return `notice_rows as (
      insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
      select 'effect.notify',
             jsonb_build_object('entity', 'lead', 'recordId', l.id::int, 'actorId', ${bind.add(actorId)}::bigint, 'effect', ${bind.add(JSON.stringify(notice ?? null))}::jsonb),
             'lead:' || l.id || ':v' || l.version || ':assigned:0', 'pending', 0, ${now}, ${now}
      from lead_row l where ${bind.add(notice !== undefined)}::boolean
      returning id
    )`;
}
