import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import defaultRoutingPolicy from '../../definitions/defaults/routing-policy.json' with { type: 'json' };
import { validateRoutingPolicy } from './validate-routing-policy.ts';

const context = { catalogue: defaultFactCatalogues.lead };

function aRoutingPolicy(): Record<string, any> {
  return structuredClone(defaultRoutingPolicy);
}

const label = (en: string) => ({ en, 'zh-CN': en });

describe('routing policy validation', () => {
  it('accepts the default lead routing', () => {
    expect(validateRoutingPolicy(defaultRoutingPolicy, context)).toEqual([]);
  });

  it('checks rule conditions against the fact catalogue', () => {
    const policy = aRoutingPolicy();
    policy.rules[0].condition = { fact: 'score', operator: 'includesText', value: 'hot' };
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/0/condition/operator' }),
    ]);
  });

  it('names an unknown strategy and lists the known ones', () => {
    const policy = aRoutingPolicy();
    policy.rules[2].strategy.type = 'random';
    const [p] = validateRoutingPolicy(policy, context);
    expect(p?.path).toBe('/rules/2/strategy/type');
    expect(p?.message.en).toBe('"random" is not a known type; use one of "roundRobin", "weighted", "leastLoaded", "attributeMatch".');
  });

  it('refuses weights for users who are not candidates', () => {
    const policy = aRoutingPolicy();
    policy.rules[2].strategy = { type: 'weighted', candidates: { users: ['li', 'wang'] }, weights: { li: 3, zhao: 1 } };
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/2/strategy/weights/zhao', code: 'policy.weightForNonCandidate' }),
    ]);
  });

  it('refuses an attribute group value given twice and an unknown attribute', () => {
    const policy = aRoutingPolicy();
    policy.rules[1].strategy.groups[1].values.push('website');
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/1/strategy/groups/1/values/2', code: 'policy.duplicateGroupValue' }),
    ]);
    policy.rules[1].strategy.fact = 'province';
    expect(validateRoutingPolicy(policy, context).map((p) => p.code)).toContain('policy.unknownFact');
  });

  it('refuses an unknown time zone and empty working hours', () => {
    const policy = aRoutingPolicy();
    policy.rules[0].onlyAvailable.workingHours.timeZone = 'China/Beijing';
    policy.rules[0].onlyAvailable.workingHours.to = '09:00';
    expect(validateRoutingPolicy(policy, context).map((p) => [p.path, p.code])).toEqual([
      ['/rules/0/onlyAvailable/workingHours/timeZone', 'policy.unknownTimeZone'],
      ['/rules/0/onlyAvailable/workingHours/to', 'policy.emptyWorkingHours'],
    ]);
  });

  it('refuses a working-hours time that is not HH:MM', () => {
    const policy = aRoutingPolicy();
    policy.rules[0].onlyAvailable.workingHours.from = '9am';
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/0/onlyAvailable/workingHours/from', code: 'schema.pattern' }),
    ]);
  });

  it('refuses fallbacks to missing rules and fallbacks that go round in a circle', () => {
    const policy = aRoutingPolicy();
    policy.rules[0].fallback = { to: 'rule', rule: 'night-shift' };
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/0/fallback/rule', code: 'policy.unknownRule' }),
    ]);
    policy.rules[0].fallback = { to: 'rule', rule: 'by-source' };
    policy.rules[1].fallback = { to: 'rule', rule: 'hot-leads' };
    expect(validateRoutingPolicy(policy, context).map((p) => [p.path, p.code])).toEqual([
      ['/rules/0/fallback/rule', 'policy.fallbackCycle'],
      ['/rules/1/fallback/rule', 'policy.fallbackCycle'],
    ]);
  });

  it('ends with the pool or a user, never another rule', () => {
    const policy = aRoutingPolicy();
    policy.fallback = { to: 'nextRule' };
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/fallback/to', code: 'policy.finalFallback' }),
    ]);
  });

  it('refuses two rules with one id', () => {
    const policy = aRoutingPolicy();
    policy.rules.push({ id: 'hot-leads', label: label('Again'), strategy: { type: 'roundRobin', candidates: { roles: ['rep'] } } });
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/3/id', code: 'policy.duplicateId' }),
    ]);
  });

  it('requires candidates to name someone', () => {
    const policy = aRoutingPolicy();
    policy.rules[2].strategy.candidates = {};
    expect(validateRoutingPolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/rules/2/strategy/candidates', code: 'schema.minProperties' }),
    ]);
  });
});
