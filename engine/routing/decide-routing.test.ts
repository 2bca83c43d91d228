import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultPolicy from '../../definitions/defaults/routing-policy.json' with { type: 'json' };
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { RoutingPolicy } from '../../definitions/routing-policy.schema.ts';
import { validateRoutingPolicy } from '../policies/validate-routing-policy.ts';
import { decideRouting } from './decide-routing.ts';
import { emptyRoutingState, type RoutingCandidate, type RoutingState } from './routing-input.ts';

const catalogue = defaultFactCatalogues.lead;
// Wednesday 2026-11-11 10:00 in Shanghai.
const workday = Date.parse('2026-11-11T02:00:00Z');
const sunday = Date.parse('2026-11-15T02:00:00Z');

function rep(id: number, name: string, extra: Partial<RoutingCandidate> = {}): RoutingCandidate {
  return { id: String(id), login: `rep${id}`, name, roleKey: 'rep', teamName: 'inbound', onLeave: false, loads: { openLeads: 0 }, ...extra };
}

function policy(rules: unknown[], fallback: unknown = { to: 'pool' }): RoutingPolicy {
  const document = { id: 'test-routing', name: { en: 'Test', 'zh-CN': '测试' }, entity: 'lead', rules, fallback };
  expect(validateRoutingPolicy(document, { catalogue })).toEqual([]);
  return document as RoutingPolicy;
}

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

function run(p: RoutingPolicy, candidates: RoutingCandidate[], records: Array<Record<string, unknown>>, now = workday) {
  let state: RoutingState = emptyRoutingState();
  const chosen: string[] = [];
  for (const record of records) {
    const decision = decideRouting(p, catalogue, { record, candidates, state, now, timeZone: 'Asia/Shanghai' });
    state = decision.state;
    chosen.push(decision.target.kind === 'user' ? decision.target.name : 'pool');
  }
  return { chosen, state };
}

describe('routing decisions', () => {
  const reps = [rep(1, 'Li Na'), rep(2, 'Zhang Wei'), rep(3, 'Li Hong'), rep(4, 'Wang Lei')];

  it('hands records out in turn, in id order, whatever order the candidates come in', () => {
    const p = policy([{ id: 'all', label: label('Everyone', '所有人'), strategy: { type: 'roundRobin', candidates: { roles: ['rep'] } } }]);
    const { chosen } = run(p, [...reps].reverse(), Array.from({ length: 6 }, () => ({})));
    expect(chosen).toEqual(['Li Na', 'Zhang Wei', 'Li Hong', 'Wang Lei', 'Li Na', 'Zhang Wei']);
  });

  it('explains a weighted pick in both languages: rule number, label, strategy, person and weight', () => {
    const p = policy([
      { id: 'hot', label: label('Hot leads', '高分线索'), condition: { fact: 'score', operator: 'greaterThan', value: 90 }, strategy: { type: 'roundRobin', candidates: { users: ['1'] } } },
      {
        id: 'zhejiang',
        label: label('Zhejiang territory', '浙江区域'),
        condition: { fact: 'region', operator: 'equal', value: 'Zhejiang' },
        strategy: { type: 'weighted', candidates: { users: ['3', '4'] }, weights: { '3': 3, '4': 1 } },
      },
    ]);
    const decision = decideRouting(p, catalogue, { record: { region: 'Zhejiang', score: 10 }, candidates: reps, state: emptyRoutingState(), now: workday, timeZone: 'Asia/Shanghai' });
    expect(decision.target).toEqual({ kind: 'user', userId: '3', name: 'Li Hong' });
    expect(decision.summary).toEqual({ en: 'rule 2 Zhejiang territory → weighted → Li Hong (weight 3)', 'zh-CN': '规则 2 浙江区域 → 按权重 → Li Hong（权重 3）' });
    expect(decision.steps.map((s) => s.outcome)).toEqual(['conditionNotMet', 'chosen']);
  });

  it('gives weighted candidates exactly their shares in every run of a whole cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (weights, cycles) => {
        const candidates = weights.map((_, i) => rep(i + 1, `R${i + 1}`));
        const p = policy([
          { id: 'w', label: label('Weighted', '加权'), strategy: { type: 'weighted', candidates: { roles: ['rep'] }, weights: Object.fromEntries(weights.map((w, i) => [String(i + 1), w])) } },
        ]);
        const total = weights.reduce((a, b) => a + b, 0);
        const { chosen } = run(p, candidates, Array.from({ length: total * cycles }, () => ({})));
        weights.forEach((w, i) => expect(chosen.filter((name) => name === `R${i + 1}`).length).toBe(w * cycles));
      }),
      { numRuns: 60 },
    );
  });

  it('skips people on leave, off duty or at capacity, and says so when it falls back to the pool', () => {
    const p = policy([
      {
        id: 'duty',
        label: label('On duty', '当班'),
        strategy: { type: 'roundRobin', candidates: { roles: ['rep'] } },
        onlyAvailable: { skipOnLeave: true, capacity: { measure: 'openLeads', max: 5 }, workingHours: { timeZone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } },
        fallback: { to: 'pool' },
      },
    ]);
    const busy = [rep(1, 'A', { onLeave: true }), rep(2, 'B', { loads: { openLeads: 5 } }), rep(3, 'C', { workingHours: { timeZone: 'Europe/London', days: [1], from: '09:00', to: '17:00' } }), rep(4, 'D')];
    expect(run(p, busy, [{}]).chosen).toEqual(['D']);
    const decision = decideRouting(p, catalogue, { record: {}, candidates: busy, state: emptyRoutingState(), now: sunday, timeZone: 'Asia/Shanghai' });
    expect(decision.target).toEqual({ kind: 'pool' });
    expect(decision.summary.en).toBe('rule 1 On duty → round-robin → nobody available (1 on leave, 3 off duty) → fallback → pool');
  });

  it('sends least-loaded work to the lightest load and territory matches to their group', () => {
    const p = policy([
      {
        id: 'region',
        label: label('Territories', '区域'),
        strategy: { type: 'attributeMatch', fact: 'region', then: 'leastLoaded', measure: 'openLeads', groups: [{ values: ['Zhejiang'], candidates: { users: ['3', '4'] } }, { values: ['Jiangsu'], candidates: { users: ['1'] } }] },
      },
      { id: 'rest', label: label('Rest', '其余'), strategy: { type: 'leastLoaded', measure: 'openLeads', candidates: { roles: ['rep'] } } },
    ]);
    const loaded = [rep(1, 'A', { loads: { openLeads: 1 } }), rep(2, 'B', { loads: { openLeads: 0 } }), rep(3, 'C', { loads: { openLeads: 7 } }), rep(4, 'D', { loads: { openLeads: 2 } })];
    expect(run(p, loaded, [{ region: 'Zhejiang' }, { region: 'Jiangsu' }, { region: 'Tibet' }]).chosen).toEqual(['D', 'A', 'B']);
  });

  it('follows a rule fallback to a named rule and the default policy validates and routes a web lead', () => {
    const p = policy([
      { id: 'first', label: label('First', '第一'), strategy: { type: 'roundRobin', candidates: { teams: ['nobody'] } }, fallback: { to: 'rule', rule: 'third' } },
      { id: 'second', label: label('Second', '第二'), strategy: { type: 'roundRobin', candidates: { users: ['1'] } } },
      { id: 'third', label: label('Third', '第三'), strategy: { type: 'roundRobin', candidates: { users: ['2'] } } },
    ]);
    expect(run(p, reps, [{}]).chosen).toEqual(['Zhang Wei']);
    const standard = defaultPolicy as unknown as RoutingPolicy;
    expect(validateRoutingPolicy(standard, { catalogue })).toEqual([]);
    const web = decideRouting(standard, catalogue, { record: { source: 'website', score: 10 }, candidates: reps, state: emptyRoutingState(), now: workday, timeZone: 'Asia/Shanghai' });
    expect(web.ruleId).toBe('by-source');
  });
});
