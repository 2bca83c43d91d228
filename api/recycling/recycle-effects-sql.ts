import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { BindParams } from '../database/bound-query.ts';

/**
 * An effect as a jsonb SQL expression in which every `owner` recipient (in `to` or `cc`) names the user
 * `ownerIdSql` evaluates to. A recycled customer has no owner by the time the outbox delivers, so "tell the owner"
 * must say which owner while the statement still knows it; the effect itself travels bound, never spliced.
 */
export function effectForOwnerSql(effect: EffectInvocation, ownerIdSql: string, bind: BindParams): string {
  let sql = `${bind.add(JSON.stringify(effect))}::jsonb`;
  const params = effect.params as Record<string, unknown>;
  for (const list of ['to', 'cc']) {
    const recipients = params[list];
    if (!Array.isArray(recipients)) continue;
    recipients.forEach((recipient, index) => {
      if (recipient !== 'owner') return;
      const path = bind.add(['params', list, String(index)]);
      sql = `jsonb_set(${sql}, ${path}::text[], jsonb_build_object('userId', (${ownerIdSql})::text))`;
    });
  }
  return sql;
}
