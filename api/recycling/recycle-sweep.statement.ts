import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import type { EvaluationContext } from '../../engine/conditions/index.ts';
import { compileRecycleSelection } from '../../engine/recycling/recycle-selection.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { BindParams } from '../database/bound-query.ts';
import { customerOwnersAggregateSql, ownershipColumnsOf, ownershipDocumentSql } from './ownership-document-sql.ts';
import { effectForOwnerSql } from './recycle-effects-sql.ts';

/** Everything one run of a rule's sweep is compiled from. */
export interface RecycleRun {
  rule: Rule;
  ruleVersion: number;
  catalogue: FactCatalogue;
  /** The sweep's one clock reading and the rule's time zone. */
  context: EvaluationContext & { now: Date };
  /** The plain-words reason (engine/recycling/recycle-reason.ts) every moved customer's audit entry carries. */
  reason: LocalizedText;
  requestId: string | null;
}

/**
 * Run before the sweep statement in its transaction (both settings end with it). With a million customers the plan's
 * cost passes the JIT thresholds and PostgreSQL spends about a second compiling expressions for a statement whose time
 * goes into writes; and the statement's hashes and sorts (the moved rows, the owners they lost) spill to disk at the
 * default 4 MB of work memory, where 64 MB holds them for 100,000s of moved customers.
 */
export const sweepStatementSettings = "select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)";

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Customers a sweep may take at all: live and owned. What the rule adds is compiled from its conditions. */
const recyclableSql = `c.deleted_at is null and c.ownership <> 'pool'`;

/** The customers the rule would move now, for the preview: the same selection as the sweep, without the writes. */
export function recyclePreviewStatement(run: Pick<RecycleRun, 'rule' | 'catalogue' | 'context'>, limit: number): Statement {
  const bind = new BindParams();
  const limitParam = bind.add(limit);
  const selection = compileRecycleSelection(run.rule, run.catalogue, { context: run.context, tableAlias: 'c', firstParam: 2 });
  return {
    sql: `select c.id::int as id, c.name, c.stage, c.owner_id::int as owner_id, count(*) over ()::int as total
          from customer c where ${recyclableSql} and ${selection.sql}
          order by c.id limit ${limitParam}::int`,
    params: [...bind.values, ...selection.params],
  };
}

/**
 * The sweep of one rule as ONE statement: it locks the customers the compiled condition selects (skipping any a
 * command holds right now — the next run takes them), removes every owner, puts them in the pool with their version
 * raised, and writes what a command would — ownership history (`remove`, by the system), the cool-down rows, one
 * audit entry each (the ownership fields before and after as the API shows them, the rule's reason as why) and the
 * rule's other effects as outbox rows keyed `customer:<id>:v<version>:recycle:<rule>:<n>`, like effectMessages keys
 * them. Answers one row: how many moved, and the first `sampleSize` ids.
 *
 * Shaped for the write path, which is nearly all of its cost (docs/recycling.md, "Cost"): the locking scan carries
 * only the row's address, id and the columns the move changes (no sort, no document), the UPDATE fetches the rows by
 * those addresses (a TID scan, not a join that reads the whole table), and the audit entry holds only the fields the
 * move changed (ownershipDocumentSql), the old ones from the locking scan and the owners from the rows the DELETE
 * returned.
 */
export function recycleSweepStatement(run: RecycleRun, sampleSize: number): Statement {
  const bind = new BindParams();
  const now = `${bind.add(run.context.now.toISOString())}::timestamptz`;
  const ruleId = `${bind.add(run.rule.id)}::text`;
  const ruleVersion = `${bind.add(run.ruleVersion)}::int`;
  const why = { kind: 'reason', code: 'recycled', rule: { id: run.rule.id, version: run.ruleVersion }, words: run.reason };
  const whyParam = `${bind.add(JSON.stringify(why))}::jsonb`;
  const historyReason = `${bind.add(`${run.rule.name['zh-CN']} / ${run.rule.name.en}`)}::text`;
  const coolDownDays = `${bind.add(run.rule.recycle?.coolDownDays ?? 0)}::int`;
  const requestId = `${bind.add(run.requestId)}::text`;
  const sample = `${bind.add(sampleSize)}::int`;

  const outboxSelects = run.rule.effects
    .map((effect, position) => ({ effect, position }))
    .filter(({ effect }) => effect.type !== 'releaseToPool')
    .map(({ effect, position }) => {
      const topic = `${bind.add(`effect.${effect.type}`)}::text`;
      const effectSql = effectForOwnerSql(effect, 'k.owner_id', bind);
      const keyTail = `${bind.add(`:${position}`)}::text`;
      return `select ${topic}, jsonb_build_object('entity', 'customer', 'recordId', c.id, 'actorId', null, 'effect', ${effectSql},
                'rule', jsonb_build_object('id', ${ruleId}, 'version', ${ruleVersion}),
                'formerOwnerIds', f.owner_ids),
              'customer:' || c.id || ':v' || c.version || ':recycle:' || ${ruleId} || ${keyTail}, 'pending', 0, ${now}, ${now}
              from moved c join candidates k on k.id = c.id join former f on f.customer_id = c.id`;
    });

  const before = ownershipDocumentSql({ ...ownershipColumnsOf('k', "coalesce(f.owners, '[]'::jsonb)"), version: 'c.version - 1' });
  const after = ownershipDocumentSql(ownershipColumnsOf('c', "'[]'::jsonb"));
  const selection = compileRecycleSelection(run.rule, run.catalogue, {
    context: run.context,
    tableAlias: 'c',
    firstParam: bind.values.length + 1,
  });
  const sql = `
    with candidates as materialized (
      select c.ctid as row_id, c.id, c.owner_id, c.ownership, c.team_id, c.updated_at
      from customer c where ${recyclableSql} and ${selection.sql}
      for update of c skip locked
    ),
    moved as (
      update customer c set ownership = 'pool', owner_id = null, team_id = null, updated_at = ${now}, version = c.version + 1
      where c.ctid = any(array(select row_id from candidates))
      returning c.id, c.version, c.ownership, c.owner_id, c.team_id, c.updated_at
    ),
    lost as (
      delete from customer_owner o using moved c where o.customer_id = c.id
      returning o.customer_id, o.user_id, o.role, o.since
    ),
    former as (
      select l.customer_id, jsonb_agg(l.user_id order by l.user_id) as owner_ids, ${customerOwnersAggregateSql('l')} as owners
      from lost l group by l.customer_id
    ),
    history as (
      insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at, reason)
      select l.customer_id, l.user_id, 'remove', null, ${now}, ${historyReason} from lost l
    ),
    cooling as (
      insert into recycled_customer (customer_id, owner_id, rule_id, rule_version, recycled_at, claimable_at)
      select l.customer_id, l.user_id, ${ruleId}, ${ruleVersion}, ${now}, ${now} + make_interval(days => ${coolDownDays}) from lost l
    ),
    audited as (
      insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why, request_id)
      select 'customer', c.id, c.id, 'recycle', null, ${now}, ${before}, ${after}, ${whyParam}, ${requestId}
      from moved c join candidates k on k.id = c.id left join former f on f.customer_id = c.id
    )${
      outboxSelects.length === 0
        ? ''
        : `,
    effects as (
      insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
      ${outboxSelects.join('\n      union all\n      ')}
    )`
    }
    select (select count(*)::int from moved) as moved,
           coalesce((select array_agg(id order by id) from (select id::int as id from moved order by id limit ${sample}) s), '{}') as sample`;
  return { sql, params: [...bind.values, ...selection.params] };
}
