import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';

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
