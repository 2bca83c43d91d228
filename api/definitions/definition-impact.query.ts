import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { compileConditionToSql, describeCondition } from '../../engine/conditions/index.ts';
import { diffMachines } from '../../engine/diff/diff-machines.ts';
import { catalogueWithMachineStates } from '../../engine/machines/index.ts';
import { recycleReasonWords } from '../../engine/recycling/recycle-reason.ts';
import { ruleFiringCondition } from '../../engine/rules/rule-condition.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { ruleTimeZone } from '../recycling/recycle-rules.ts';
import { recyclePreviewStatement } from '../recycling/recycle-sweep.statement.ts';
import { findVersion } from './definition-versions.query.ts';
import { machineRecordAdapter, recordNameColumns, stageColumnOf } from './machine-record-adapters.ts';

const sampleSize = 5;

export interface AffectedState {
  state: string;
  change: 'removed' | 'renamed' | 'changed';
  count: number;
  sample: Array<{ id: number; name: string }>;
}

/**
 * What publishing `draft` as the next version of machine `key` means for the live records on it now: how many run on
 * older versions (all of them), and per stage they sit in that the draft removes, renames or changes, how many and a
 * few of them, with the state map the designer should propose. Reads only.
 */
export async function machineImpact(em: EntityManager, key: string, draft: MachineDefinition) {
  const adapter = machineRecordAdapter(draft.entity as EntityName);
  const latest = await findVersion(em, 'machine', key);
  const diff = latest === undefined ? undefined : diffMachines(latest.document as MachineDefinition, draft);
  if (adapter === undefined || diff === undefined) {
    return { kind: 'machine' as const, recordsOnOlderVersions: 0, affectedStates: [], suggestedStateMap: diff?.migration.suggestedStateMap ?? {} };
  }
  const stage = stageColumnOf(adapter);
  const name = recordNameColumns[draft.entity as EntityName];
  const occupied = await boundQuery<{ stage: string; count: number; sample: Array<{ id: number; name: string }> }>(
    em,
    `select ${stage} as stage, count(*)::int as count,
            (array_agg(jsonb_build_object('id', id, 'name', ${name}) order by id))[1:${sampleSize}] as sample
     from ${adapter.table} where definition_key = $1 and deleted_at is null group by 1 order by 1`,
    [key],
  );
  const renamed = new Set(diff.changes.flatMap((change) => (change.kind === 'stateRenamed' && change.previousState ? [change.previousState] : [])));
  const touched = new Set(diff.changes.flatMap((change) => [change.state, change.previousState, change.transition?.source]).filter((s) => s !== undefined));
  const affectedStates: AffectedState[] = occupied.flatMap((row) => {
    const change = renamed.has(row.stage)
      ? 'renamed'
      : !Object.hasOwn(draft.states, row.stage)
        ? 'removed'
        : touched.has(row.stage)
          ? 'changed'
          : undefined;
    return change === undefined ? [] : [{ state: row.stage, change, count: row.count, sample: row.sample }];
  });
  return {
    kind: 'machine' as const,
    recordsOnOlderVersions: occupied.reduce((sum, row) => sum + row.count, 0),
    affectedStates,
    suggestedStateMap: diff.migration.suggestedStateMap,
  };
}

/**
 * The records `rule` would touch now, had it been published: its conditions without its exemptions compiled by the
 * engine's condition→SQL compiler over the entity's published catalogue (a recycle rule through the very statement
 * its sweep previews with, live owned customers only), how many and a sample with the reason in words. Reads only.
 */
export async function ruleImpact(em: EntityManager, rule: Rule, settings: { defaultTimeZone: string; now?: Date }) {
  const now = settings.now ?? new Date();
  const context = { now, timeZone: ruleTimeZone(rule, settings.defaultTimeZone) };
  const entity = rule.entity as EntityName;
  const { catalogue } = await recordDefinitions(em, entity);
  let rows: Array<{ id: number; name: string; total: number }>;
  let reason: LocalizedText;
  if (rule.kind === 'recycle' && entity === 'customer') {
    const statement = recyclePreviewStatement({ rule, catalogue, context }, sampleSize);
    rows = await boundQuery(em, statement.sql, statement.params);
    reason = recycleReasonWords(rule, catalogue);
  } else {
    const selection = compileConditionToSql(ruleFiringCondition(rule), catalogue, { context, tableAlias: 't', firstParam: 2 });
    rows = await boundQuery(
      em,
      `select t.id::int as id, t.${recordNameColumns[entity]} as name, count(*) over ()::int as total
       from ${catalogue.table} t where t.deleted_at is null and ${selection.sql} order by t.id limit $1::int`,
      [sampleSize, ...selection.params],
    );
    const condition = ruleFiringCondition(rule);
    reason = { en: describeCondition(condition, catalogue, 'en'), 'zh-CN': describeCondition(condition, catalogue, 'zh-CN') };
  }
  return {
    kind: 'rule' as const,
    count: rows[0]?.total ?? 0,
    sample: rows.map((row) => ({ id: row.id, name: row.name, reason })),
  };
}

/** The catalogue a draft machine's guards see: the entity's published one with the draft's stages. */
export async function draftMachineCatalogue(em: EntityManager, draft: MachineDefinition) {
  const definitions = await recordDefinitions(em, draft.entity as EntityName);
  return catalogueWithMachineStates(definitions.catalogue, draft);
}
