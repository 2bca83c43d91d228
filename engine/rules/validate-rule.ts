import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { ruleSchema, type Rule } from '../../definitions/rule.schema.ts';
import { validateCondition } from '../conditions/validate-condition.ts';
import { validateEffects } from '../effects/validate-effects.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { mergeDelegatedProblems, type DelegatedPart } from '../validation/delegated-problems.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';
import { validateCronExpression } from './validate-cron-expression.ts';

const checkRule = compileSchemaCheck(ruleSchema);

/** Entities a pool-recycle rule can apply to: only these have owners and a public pool. */
const recyclableEntities = new Set(['customer', 'lead']);

export interface RuleValidationContext {
  /** The fact catalogue of the rule's entity. */
  catalogue: FactCatalogue;
  /** JSON Pointer of the rule inside the checked document; the rule itself when absent. */
  path?: string;
}

type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

/** Parts of a rule checked by their own validators (conditions, effects), which say more than the schema can. */
function delegatedParts(rule: Loose, base: string, catalogue: FactCatalogue): DelegatedPart[] {
  const recycle = asObject(rule.recycle);
  const exemptions = Array.isArray(recycle?.exemptions) ? recycle.exemptions : [];
  const condition = (value: unknown, path: string): DelegatedPart => ({
    path,
    value,
    validate: (v, p) => validateCondition(v, catalogue, p),
  });
  const effects = (value: unknown, path: string): DelegatedPart => ({
    path,
    value,
    validate: validateEffects,
    keepOwnPath: true,
  });
  return [
    condition(rule.conditions, pointer(base, 'conditions')),
    effects(rule.effects, pointer(base, 'effects')),
    effects(recycle?.warningEffects, pointer(base, 'recycle', 'warningEffects')),
    ...exemptions.map((exemption, index) =>
      condition(asObject(exemption)?.condition, pointer(base, 'recycle', 'exemptions', index, 'condition')),
    ),
  ];
}

function triggerProblems(trigger: Loose, path: string): Problem[] {
  const hasEvent = trigger.event !== undefined;
  const schedule = asObject(trigger.schedule);
  if (hasEvent === (schedule !== undefined)) {
    return [
      problem(
        path,
        'rule.triggerNeedsOne',
        'A trigger is either an event or a schedule: set exactly one of "event" and "schedule".',
        '触发方式只能是事件或定时之一：请只设置“event”或“schedule”中的一个。',
      ),
    ];
  }
  if (schedule === undefined) return [];
  const schedulePath = pointer(path, 'schedule');
  if ((schedule.cron === undefined) === (schedule.every === undefined)) {
    return [
      problem(
        schedulePath,
        'rule.scheduleNeedsOne',
        'A schedule is either a cron expression or an interval: set exactly one of "cron" and "every".',
        '定时只能是 cron 表达式或固定间隔之一：请只设置“cron”或“every”中的一个。',
      ),
    ];
  }
  return typeof schedule.cron === 'string' ? validateCronExpression(schedule.cron, pointer(schedulePath, 'cron')) : [];
}

function recycleProblems(rule: Rule, base: string): Problem[] {
  if (rule.kind !== 'recycle') {
    return rule.recycle === undefined
      ? []
      : [
          problem(
            pointer(base, 'recycle'),
            'rule.recycleSettingsOnOtherKind',
            'Recycle settings belong to recycle rules only.',
            '回收设置只适用于回收规则。',
          ),
        ];
  }
  const problems: Problem[] = [];
  if (rule.recycle === undefined) {
    problems.push(
      problem(
        pointer(base, 'recycle'),
        'rule.recycleSettingsMissing',
        'A recycle rule needs its settings: warningDays and coolDownDays.',
        '回收规则需要设置提前提醒天数（warningDays）和冷却天数（coolDownDays）。',
      ),
    );
  }
  if (!recyclableEntities.has(rule.entity)) {
    problems.push(
      problem(
        pointer(base, 'entity'),
        'rule.recycleEntity',
        'Only customers and leads return to the public pool.',
        '只有客户和线索可以回收到公海。',
      ),
    );
  }
  if (rule.trigger.schedule === undefined) {
    problems.push(
      problem(
        pointer(base, 'trigger'),
        'rule.recycleNeedsSchedule',
        'A recycle rule runs as a sweep: give it a schedule.',
        '回收规则以定时清扫方式运行，请为其设置定时。',
      ),
    );
  }
  if (!rule.effects.some((effect) => effect.type === 'releaseToPool')) {
    problems.push(
      problem(
        pointer(base, 'effects'),
        'rule.recycleWithoutRelease',
        'A recycle rule must release the record to the pool (a releaseToPool effect).',
        '回收规则必须包含释放到公海的效果（releaseToPool）。',
      ),
    );
  }
  return problems;
}

/**
 * Checks a rule: its envelope against the rule schema, its conditions (and recycle exemptions) against the fact
 * catalogue, its effects against the effect catalogue, then the rules of its kind.
 */
export function validateRule(rule: unknown, context: RuleValidationContext): Problem[] {
  const base = context.path ?? '';
  const loose = asObject(rule);
  if (loose === undefined) return schemaProblems(checkRule, rule, base);

  const problems = mergeDelegatedProblems(
    schemaProblems(checkRule, rule, base),
    delegatedParts(loose, base, context.catalogue),
  );
  const trigger = asObject(loose.trigger);
  if (trigger !== undefined) problems.push(...triggerProblems(trigger, pointer(base, 'trigger')));
  if (problems.length > 0) return problems;
  return recycleProblems(rule as Rule, base);
}
