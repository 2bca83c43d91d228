import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { RoutingFallback, RoutingPolicy, RoutingRule } from '../../definitions/routing-policy.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import { compileConditionToPredicate, type ConditionPredicate } from '../conditions/compile-condition-to-predicate.ts';
import type { LocalizedText } from '../validation/problem.ts';
import { availableCandidates, pickLeastLoaded, pickRoundRobin, pickWeighted, type Pick } from './pick-candidate.ts';
import type { RoutingCandidate, RoutingDecision, RoutingRequest, RoutingState, RoutingStep } from './routing-input.ts';
import {
  conditionNotMetWords,
  disabledWords,
  fallbackUserWords,
  joinWords,
  noRuleWords,
  poolWords,
  ruleWords,
  strategyWords,
  valueWords,
} from './routing-words.ts';

interface CompiledRule {
  rule: RoutingRule;
  number: number;
  matches: ConditionPredicate | undefined;
}

// Policies are immutable once published; conditions compile once per policy and catalogue object.
const compiled = new WeakMap<RoutingPolicy, WeakMap<FactCatalogue, CompiledRule[]>>();

function compiledRules(policy: RoutingPolicy, catalogue: FactCatalogue): CompiledRule[] {
  let byCatalogue = compiled.get(policy);
  if (byCatalogue === undefined) {
    byCatalogue = new WeakMap();
    compiled.set(policy, byCatalogue);
  }
  let rules = byCatalogue.get(catalogue);
  if (rules === undefined) {
    rules = policy.rules.map((rule, index) => ({
      rule,
      number: index + 1,
      matches: rule.condition === undefined ? undefined : compileConditionToPredicate(rule.condition as never, catalogue),
    }));
    byCatalogue.set(catalogue, rules);
  }
  return rules;
}

function factValue(catalogue: FactCatalogue, record: RoutingRequest['record'], name: string): unknown {
  const source = factByName(catalogue, name)?.source;
  if (source?.kind === 'column') return record[source.column];
  if (source?.kind === 'customField') return (record.custom_fields as Record<string, unknown> | undefined)?.[source.key];
  return undefined;
}

function pickForRule(
  rule: RoutingRule,
  request: RoutingRequest,
  catalogue: FactCatalogue,
  nowMs: number,
): { pick: Pick; path: LocalizedText[] } {
  const strategy = rule.strategy;
  if (strategy.type === 'attributeMatch') {
    const value = factValue(catalogue, request.record, strategy.fact);
    const groupIndex = strategy.groups.findIndex((group) => group.values.some((v) => value !== null && value !== undefined && String(v) === String(value)));
    const group = strategy.groups[groupIndex];
    const matched = valueWords(strategy.fact, value, groupIndex + 1);
    if (group === undefined) {
      return { pick: { chosen: undefined, words: { en: 'no group for this value', 'zh-CN': '没有对应的分组' } }, path: [matched] };
    }
    const { available, nobody } = availableCandidates(rule, group.candidates, request.candidates, nowMs);
    const then = strategy.then ?? 'roundRobin';
    const key = `${rule.id}#${groupIndex}`;
    const pick =
      then === 'leastLoaded' && strategy.measure !== undefined
        ? pickLeastLoaded(available, strategy.measure, request.state, key)
        : pickRoundRobin(available, request.state, key);
    return { pick: pick ?? { chosen: undefined, words: nobody }, path: [matched, strategyWords[then]!] };
  }
  const { available, nobody } = availableCandidates(rule, strategy.candidates, request.candidates, nowMs);
  const pick =
    strategy.type === 'roundRobin'
      ? pickRoundRobin(available, request.state, rule.id)
      : strategy.type === 'weighted'
        ? pickWeighted(available, strategy.weights, request.state, rule.id)
        : pickLeastLoaded(available, strategy.measure, request.state, rule.id);
  return { pick: pick ?? { chosen: undefined, words: nobody }, path: [strategyWords[strategy.type]!] };
}

function fallbackDecision(
  fallback: RoutingFallback,
  candidates: readonly RoutingCandidate[],
  prefix: LocalizedText,
  steps: RoutingStep[],
  state: RoutingState,
): RoutingDecision | undefined {
  if (fallback.to === 'pool') {
    const target = fallback.poolId === undefined ? { kind: 'pool' as const } : { kind: 'pool' as const, poolId: fallback.poolId };
    return { target, summary: joinWords([prefix, poolWords(true)]), steps, state };
  }
  if (fallback.to === 'user') {
    const user = candidates.find((c) => c.id === fallback.userId || c.login === fallback.userId);
    // A fallback user who has left is no one to give a record to: the pool is.
    if (user === undefined) return { target: { kind: 'pool' }, summary: joinWords([prefix, poolWords(true)]), steps, state };
    return { target: { kind: 'user', userId: user.id, name: user.name }, summary: joinWords([prefix, fallbackUserWords, { en: user.name, 'zh-CN': user.name }]), steps, state };
  }
  return undefined;
}

/**
 * Who gets a record, by a routing policy: the rules in order, the first whose condition holds and whose strategy
 * finds someone available decides; a rule that finds nobody follows its fallback (the next rule by default, a named
 * rule, the pool or a user), and the policy's fallback catches the rest. Pure: the caller reads the candidates,
 * their loads and the state, and stores the returned state in the same transaction.
 */
export function decideRouting(policy: RoutingPolicy, catalogue: FactCatalogue, given: RoutingRequest): RoutingDecision {
  const rules = compiledRules(policy, catalogue);
  // Turns follow id order, so the order the runtime read the people in never matters.
  const request = { ...given, candidates: [...given.candidates].sort((a, b) => Number(a.id) - Number(b.id)) };
  const nowMs = typeof request.now === 'number' ? request.now : request.now.getTime();
  const context = { now: nowMs, timeZone: request.timeZone };
  const steps: RoutingStep[] = [];
  const visited = new Set<string>();
  let index = 0;
  while (index < rules.length) {
    const { rule, number, matches } = rules[index]!;
    if (visited.has(rule.id)) break;
    visited.add(rule.id);
    const label = ruleWords(number, rule.label);
    if (rule.enabled === false) {
      steps.push({ ruleId: rule.id, ruleNumber: number, outcome: 'disabled', words: joinWords([label, disabledWords], ': ') });
      index++;
      continue;
    }
    if (matches !== undefined && !matches(request.record, context)) {
      steps.push({ ruleId: rule.id, ruleNumber: number, outcome: 'conditionNotMet', words: joinWords([label, conditionNotMetWords], ': ') });
      index++;
      continue;
    }
    const { pick, path } = pickForRule(rule, request, catalogue, nowMs);
    if (pick.chosen !== undefined) {
      const summary = joinWords([label, ...path, pick.words]);
      steps.push({ ruleId: rule.id, ruleNumber: number, outcome: 'chosen', words: summary });
      return {
        target: { kind: 'user', userId: pick.chosen.id, name: pick.chosen.name },
        ruleId: rule.id,
        strategy: rule.strategy.type,
        summary,
        steps,
        state: pick.state,
      };
    }
    const nobody = joinWords([label, ...path, pick.words]);
    steps.push({ ruleId: rule.id, ruleNumber: number, outcome: 'nobodyAvailable', words: nobody });
    const fallback = rule.fallback ?? { to: 'nextRule' as const };
    if (fallback.to === 'nextRule') {
      index++;
      continue;
    }
    if (fallback.to === 'rule') {
      index = rules.findIndex((candidate) => candidate.rule.id === fallback.rule);
      if (index < 0) break;
      continue;
    }
    const decided = fallbackDecision(fallback, request.candidates, nobody, steps, request.state);
    if (decided !== undefined) return { ...decided, ruleId: rule.id, strategy: rule.strategy.type };
  }
  return fallbackDecision(policy.fallback, request.candidates, noRuleWords, steps, request.state) ?? {
    target: { kind: 'pool' },
    summary: joinWords([noRuleWords, poolWords(true)]),
    steps,
    state: request.state,
  };
}
