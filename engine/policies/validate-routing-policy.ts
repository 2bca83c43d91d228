import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import {
  routingPolicySchema,
  type RoutingPolicy,
  type RoutingRule,
} from '../../definitions/routing-policy.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import { validateCondition } from '../conditions/validate-condition.ts';
import { mergeDelegatedProblems, type DelegatedPart } from '../validation/delegated-problems.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';

const checkRoutingPolicy = compileSchemaCheck(routingPolicySchema);

export interface RoutingPolicyValidationContext {
  /** The fact catalogue of the entity the policy routes (leads, customers or tickets). */
  catalogue: FactCatalogue;
  path?: string;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function ruleConditions(policy: unknown, base: string, catalogue: FactCatalogue): DelegatedPart[] {
  const rules = (policy as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return [];
  return rules.map((rule: { condition?: unknown } | null, index) => ({
    path: pointer(base, 'rules', index, 'condition'),
    value: rule?.condition,
    validate: (value: unknown, path: string) => validateCondition(value, catalogue, path),
  }));
}

function strategyProblems(rule: RoutingRule, catalogue: FactCatalogue, path: string): Problem[] {
  const strategy = rule.strategy;
  const problems: Problem[] = [];
  // Weights can only be checked against candidates named one by one; roles and teams resolve at routing time.
  if (strategy.type === 'weighted' && strategy.candidates.roles === undefined && !strategy.candidates.teams) {
    const users = new Set(strategy.candidates.users ?? []);
    for (const user of Object.keys(strategy.weights).filter((u) => !users.has(u))) {
      problems.push(
        problem(
          pointer(path, 'weights', user),
          'policy.weightForNonCandidate',
          `"${user}" has a weight but is not one of the candidates.`,
          `“${user}”设置了权重，但不在候选人中。`,
        ),
      );
    }
  }
  if (strategy.type === 'attributeMatch') {
    if (factByName(catalogue, strategy.fact) === undefined) {
      problems.push(
        problem(
          pointer(path, 'fact'),
          'policy.unknownFact',
          `"${strategy.fact}" is not a fact of these records.`,
          `“${strategy.fact}”不是这些记录的事实字段。`,
        ),
      );
    }
    const seen = new Set<string>();
    strategy.groups.forEach((group, groupIndex) =>
      group.values.forEach((value, valueIndex) => {
        const key = JSON.stringify(value);
        if (seen.has(key)) {
          problems.push(
            problem(
              pointer(path, 'groups', groupIndex, 'values', valueIndex),
              'policy.duplicateGroupValue',
              `${key} already sends records to an earlier group.`,
              `${key} 已分配给前面的分组。`,
            ),
          );
        }
        seen.add(key);
      }),
    );
    if (strategy.then === 'leastLoaded' && strategy.measure === undefined) {
      problems.push(
        problem(
          pointer(path, 'measure'),
          'policy.measureMissing',
          'Say which load counts: a measure is needed.',
          '请指定按哪种负载计算（measure）。',
        ),
      );
    }
  }
  return problems;
}

function availabilityProblems(rule: RoutingRule, path: string): Problem[] {
  const hours = rule.onlyAvailable?.workingHours;
  if (hours === undefined) return [];
  const problems: Problem[] = [];
  if (!isTimeZone(hours.timeZone)) {
    problems.push(
      problem(
        pointer(path, 'timeZone'),
        'policy.unknownTimeZone',
        `"${hours.timeZone}" is not a time zone (e.g. Asia/Shanghai).`,
        `“${hours.timeZone}”不是有效的时区（例如 Asia/Shanghai）。`,
      ),
    );
  }
  if (hours.from === hours.to) {
    problems.push(
      problem(
        pointer(path, 'to'),
        'policy.emptyWorkingHours',
        'Working hours must not start and end at the same time.',
        '工作时间的开始与结束不能相同。',
      ),
    );
  }
  return problems;
}

/** Fallbacks that name rules must name existing ones and must not send a record round in a circle. */
function fallbackProblems(policy: RoutingPolicy, base: string): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(policy.rules.map((rule) => [rule.id, rule]));
  if (policy.fallback.to === 'rule' || policy.fallback.to === 'nextRule') {
    problems.push(
      problem(
        pointer(base, 'fallback', 'to'),
        'policy.finalFallback',
        'The last fallback must be the pool or a user.',
        '最终兜底只能是公海或指定用户。',
      ),
    );
  }
  policy.rules.forEach((rule, index) => {
    if (rule.fallback?.to !== 'rule') return;
    const at = pointer(base, 'rules', index, 'fallback', 'rule');
    if (!byId.has(rule.fallback.rule)) {
      problems.push(problem(
        at,
        'policy.unknownRule',
        `There is no rule "${rule.fallback.rule}".`,
        `不存在规则“${rule.fallback.rule}”。`,
      ));
      return;
    }
    const visited = new Set([rule.id]);
    let next = byId.get(rule.fallback.rule);
    while (next?.fallback?.to === 'rule' && !visited.has(next.id)) {
      visited.add(next.id);
      next = byId.get(next.fallback.rule);
    }
    if (next !== undefined && visited.has(next.id)) {
      problems.push(problem(
        at,
        'policy.fallbackCycle',
        `Falling back from "${rule.id}" leads back to it.`,
        `从“${rule.id}”开始的兜底又回到了它自身。`,
      ));
    }
  });
  return problems;
}

/**
 * Checks a routing policy: its shape, each rule's condition against the fact catalogue, strategies (weights for
 * candidates, attribute groups), working hours, unique rule ids and fallbacks that end somewhere.
 */
export function validateRoutingPolicy(policy: unknown, context: RoutingPolicyValidationContext): Problem[] {
  const base = context.path ?? '';
  const checked = mergeDelegatedProblems(
    schemaProblems(checkRoutingPolicy, policy, base),
    ruleConditions(policy, base, context.catalogue),
  );
  if (checked.length > 0) return checked;
  const valid = policy as RoutingPolicy;
  const ids = new Set<string>();
  const problems = valid.rules.flatMap((rule, index) => {
    const path = pointer(base, 'rules', index);
    const own: Problem[] = [];
    if (ids.has(rule.id)) {
      own.push(problem(
        pointer(path, 'id'),
        'policy.duplicateId',
        `Another rule is already called "${rule.id}".`,
        `已有名为“${rule.id}”的规则。`,
      ));
    }
    ids.add(rule.id);
    return [
      ...own,
      ...strategyProblems(rule, context.catalogue, pointer(path, 'strategy')),
      ...availabilityProblems(rule, pointer(path, 'onlyAvailable', 'workingHours')),
    ];
  });
  return [...problems, ...fallbackProblems(valid, base)];
}
