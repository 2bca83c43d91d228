import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import { compileRecycleDueIn, compileRecycleSelection } from '../../engine/recycling/recycle-selection.ts';
import { BindParams } from '../database/bound-query.ts';
import { effectForOwnerSql } from './recycle-effects-sql.ts';
import type { RecycleRun, Statement } from './recycle-sweep.statement.ts';

const defaultWarningTitle = { en: 'A customer returns to the public pool soon', 'zh-CN': '客户即将被回收到公海' };
// format() patterns: %1$s the customer's name, %2$s the day it is due, %3$s the rule's name.
const defaultWarningBody = {
  en: '“%1$s” returns to the public pool on %2$s under the rule “%3$s” unless it is followed up before then.',
  'zh-CN': '“%1$s”将于 %2$s 按规则“%3$s”回收到公海，请在此之前跟进。',
};

/**
 * The advance warnings of one rule as ONE statement: every owned customer the rule does not take now but would take
 * within its warningDays (the first such day is the due day, in the rule's time zone) gets the rule's warningEffects
 * — by default a `notify` to its owner — as outbox rows keyed per rule version, customer, owner and due day, so a
 * daily run warns once per due day however often it runs (`on conflict do nothing`). Null for a rule that does not
 * warn. Answers one row: how many warnings were new.
 */
export function recycleWarningStatement(run: RecycleRun): Statement | null {
  const bind = new BindParams();
  const now = `${bind.add(run.context.now.toISOString())}::timestamptz`;
  const timeZone = `${bind.add(run.context.timeZone)}::text`;
  const ruleId = `${bind.add(run.rule.id)}::text`;
  const ruleVersion = `${bind.add(run.ruleVersion)}::int`;

  const custom = run.rule.recycle?.warningEffects;
  const effects: Array<{ effect: EffectInvocation | undefined; position: number }> =
    custom === undefined ? [{ effect: undefined, position: 0 }] : custom.map((effect, position) => ({ effect, position }));
  const selects = effects.map(({ effect, position }) => {
    const topic = `${bind.add(`effect.${effect?.type ?? 'notify'}`)}::text`;
    const effectSql =
      effect === undefined
        ? `jsonb_build_object('type', 'notify', 'params', jsonb_build_object(
             'to', jsonb_build_array(jsonb_build_object('userId', d.owner_id::text)),
             'title', ${bind.add(JSON.stringify(defaultWarningTitle))}::jsonb,
             'body', jsonb_build_object(
               'en', format(${bind.add(defaultWarningBody.en)}::text, d.name, d.due_on, ${bind.add(run.rule.name.en)}::text),
               'zh-CN', format(${bind.add(defaultWarningBody['zh-CN'])}::text, d.name, d.due_on, ${bind.add(run.rule.name['zh-CN'])}::text)),
             'severity', 'warning'))`
        : effectForOwnerSql(effect, 'd.owner_id', bind);
    const keyTail = `${bind.add(`:${position}`)}::text`;
    return `select ${topic}, jsonb_build_object('entity', 'customer', 'recordId', d.id, 'actorId', null, 'effect', ${effectSql},
              'rule', jsonb_build_object('id', ${ruleId}, 'version', ${ruleVersion}), 'dueOn', d.due_on),
            'recycle-warning:' || ${ruleId} || ':v' || ${ruleVersion} || ':customer:' || d.id || ':owner:' || d.owner_id
              || ':due:' || d.due_on || ${keyTail}, 'pending', 0, ${now}, ${now}
            from dated d`;
  });

  const options = { context: run.context, tableAlias: 'c' } as const;
  const takenNow = compileRecycleSelection(run.rule, run.catalogue, { ...options, firstParam: bind.values.length + 1 });
  const dueIn = compileRecycleDueIn(run.rule, run.catalogue, { ...options, firstParam: bind.values.length + takenNow.params.length + 1 });
  if (dueIn === null) return null;
  const sql = `
    with due as (
      select c.id, c.owner_id, c.name, ${dueIn.sql} as due_in
      from customer c where c.deleted_at is null and c.ownership <> 'pool' and not ${takenNow.sql}
    ),
    dated as (
      select id, owner_id, name, to_char(((${now} + due_in * interval '1 day') at time zone ${timeZone})::date, 'YYYY-MM-DD') as due_on
      from due where due_in is not null
    ),
    warned as (
      insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
      ${selects.join('\n      union all\n      ')}
      on conflict (idempotency_key) do nothing
      returning 1
    )
    select count(*)::int as warned from warned`;
  return { sql, params: [...bind.values, ...takenNow.params, ...dueIn.params] };
}
