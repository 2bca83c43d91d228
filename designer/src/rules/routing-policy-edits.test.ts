import { describe, expect, it } from 'vitest';
import defaultPolicy from '../../../definitions/defaults/routing-policy.json' with { type: 'json' };
import type { RoutingPolicy, RoutingStrategy } from '../../../definitions/routing-policy.schema.ts';
import {
  addGroup,
  addRule,
  fallbackOfChoice,
  groupValuesOfText,
  groupValuesText,
  moveGroup,
  moveRule,
  removeGroup,
  removeRule,
  updateGroup,
  updateRule,
  type AttributeMatch,
  weightOfText,
  withAvailability,
  withCandidate,
  withDay,
  withStrategyCandidates,
  withStrategyType,
  withWeight,
} from './routing-policy-edits.ts';

const policy = () => structuredClone(defaultPolicy) as RoutingPolicy;
const label = { en: 'New rule', 'zh-CN': '新规则' };
const bySource = () => policy().rules[1]!.strategy as AttributeMatch;
const weighted = (): Extract<RoutingStrategy, { type: 'weighted' }> => ({ type: 'weighted', candidates: { users: ['3', '4'] }, weights: { '3': 3, '4': 1 } });

describe('routing policy edits', () => {
  it('adds a rule at the end with an id no other rule has, and leaves the policy it came from alone', () => {
    const before = policy();
    const after = addRule(before, label, { roles: ['rep'] });
    expect(after.rules.map((rule) => rule.id)).toEqual(['hot-leads', 'by-source', 'everyone-else', 'rule-4']);
    expect(after.rules[3]).toEqual({ id: 'rule-4', label, strategy: { type: 'roundRobin', candidates: { roles: ['rep'] } }, fallback: { to: 'nextRule' } });
    expect(addRule(after, label, { roles: ['rep'] }).rules[4]!.id).toBe('rule-5');
    expect(before.rules).toHaveLength(3);
  });

  it('moves a rule up and down, and not past either end', () => {
    const ids = (p: RoutingPolicy) => p.rules.map((rule) => rule.id);
    expect(ids(moveRule(policy(), 2, -1))).toEqual(['hot-leads', 'everyone-else', 'by-source']);
    expect(ids(moveRule(policy(), 0, 1))).toEqual(['by-source', 'hot-leads', 'everyone-else']);
    expect(ids(moveRule(policy(), 0, -1))).toEqual(ids(policy()));
    expect(ids(moveRule(policy(), 2, 1))).toEqual(ids(policy()));
  });

  it('removes a rule, and leaves out a key patched to undefined', () => {
    expect(removeRule(policy(), 1).rules.map((rule) => rule.id)).toEqual(['hot-leads', 'everyone-else']);
    const updated = updateRule(policy(), 0, { condition: undefined });
    expect('condition' in updated.rules[0]!).toBe(false);
  });

  it('turns a strategy into another type keeping its candidates; weighted starts each named user at 1', () => {
    const roundRobin: RoutingStrategy = { type: 'roundRobin', candidates: { users: ['3', '4'], roles: ['manager'] } };
    expect(withStrategyType(roundRobin, 'weighted', 'region')).toEqual({ type: 'weighted', candidates: roundRobin.candidates, weights: { '3': 1, '4': 1 } });
    expect(withStrategyType(roundRobin, 'leastLoaded', 'region')).toEqual({ type: 'leastLoaded', candidates: roundRobin.candidates, measure: 'openLeads' });
    const byRegion = withStrategyType(roundRobin, 'attributeMatch', 'region');
    expect(byRegion).toEqual({ type: 'attributeMatch', fact: 'region', groups: [{ values: [''], candidates: roundRobin.candidates }], then: 'roundRobin' });
    expect(withStrategyType(byRegion, 'roundRobin', 'region')).toEqual(roundRobin);
  });

  it('ticks and unticks candidates, leaving out a kind with nobody in it', () => {
    expect(withCandidate({ roles: ['rep'] }, 'users', '3', true)).toEqual({ roles: ['rep'], users: ['3'] });
    expect(withCandidate({ roles: ['rep'], users: ['3'] }, 'users', '3', false)).toEqual({ roles: ['rep'] });
    expect(withCandidate({ users: ['3'] }, 'users', '3', true)).toEqual({ users: ['3'] });
  });

  it('gives a newly ticked user of a weighted strategy weight 1 and forgets the weight of one unticked', () => {
    expect(withStrategyCandidates(weighted(), { users: ['3', '4', '5'] })).toMatchObject({ weights: { '3': 3, '4': 1, '5': 1 } });
    expect(withStrategyCandidates(weighted(), { users: ['3'] })).toMatchObject({ weights: { '3': 3 } });
  });

  it('keeps an emptied weight as null, so the draft names it instead of the form dropping it', () => {
    expect(weightOfText('')).toBeNull();
    expect(weightOfText(' 3 ')).toBe(3);
    expect(withWeight(weighted(), '4', weightOfText(''))).toMatchObject({ weights: { '3': 3, '4': null } });
  });

  it('leaves the availability filter out once nothing is left in it, and keeps working days in weekday order', () => {
    const rule = policy().rules[1]!;
    expect(withAvailability(rule, { skipOnLeave: undefined })).toEqual({ onlyAvailable: { capacity: { measure: 'openLeads', max: 200 } } });
    expect(withAvailability({ ...rule, onlyAvailable: { skipOnLeave: true } }, { skipOnLeave: undefined })).toEqual({ onlyAvailable: undefined });
    expect(withDay([1, 5], 3, true)).toEqual([1, 3, 5]);
    expect(withDay([1, 3, 5], 3, false)).toEqual([1, 5]);
  });

  it('starts a fallback to a user or a rule empty, for the admin to choose, and keeps one of the same kind', () => {
    expect(fallbackOfChoice('user', { to: 'pool' })).toEqual({ to: 'user', userId: '' });
    expect(fallbackOfChoice('rule', undefined)).toEqual({ to: 'rule', rule: '' });
    expect(fallbackOfChoice('pool', { to: 'pool', poolId: 'east' })).toEqual({ to: 'pool', poolId: 'east' });
  });

  it('adds a group at the end with no values and nobody in it, for the draft to name until they are filled in', () => {
    const before = bySource();
    const after = addGroup(before);
    expect(after.groups).toHaveLength(3);
    expect(after.groups[2]).toEqual({ values: [], candidates: {} });
    expect(after.groups.slice(0, 2)).toEqual(before.groups);
    expect(before.groups).toHaveLength(2);
  });

  it('moves a group up and down, not past either end, and removes one', () => {
    const firstValues = (strategy: AttributeMatch) => strategy.groups.map((group) => group.values[0]);
    expect(firstValues(moveGroup(bySource(), 1, -1))).toEqual(['event', 'website']);
    expect(firstValues(moveGroup(bySource(), 0, 1))).toEqual(['event', 'website']);
    expect(moveGroup(bySource(), 0, -1)).toEqual(bySource());
    expect(moveGroup(bySource(), 1, 1)).toEqual(bySource());
    expect(removeGroup(bySource(), 0).groups).toEqual([{ values: ['event', 'referral'], candidates: { teams: ['fieldSales'] } }]);
  });

  it('changes the values or the candidates of one group and leaves the others alone', () => {
    const updated = updateGroup(bySource(), 1, { candidates: { users: ['3'] } });
    expect(updated.groups[1]).toEqual({ values: ['event', 'referral'], candidates: { users: ['3'] } });
    expect(updated.groups[0]).toEqual(bySource().groups[0]);
    expect(updateGroup(bySource(), 0, { values: ['coldCall'] }).groups[0]).toEqual({ values: ['coldCall'], candidates: { teams: ['inbound'] } });
  });

  it('reads values one per line or comma-separated (either width), dropping blanks', () => {
    expect(groupValuesOfText('浙江\n 上海 , 江苏，安徽\n\n', 'string')).toEqual(['浙江', '上海', '江苏', '安徽']);
    expect(groupValuesOfText('  ', 'string')).toEqual([]);
    expect(groupValuesOfText('12, 3.5', undefined)).toEqual(['12', '3.5']);
  });

  it('keeps the values of a number or yes/no fact as numbers or booleans, and anything else as the text typed', () => {
    expect(groupValuesOfText('12\n3.5, -1', 'number')).toEqual([12, 3.5, -1]);
    expect(groupValuesOfText('12, twelve', 'number')).toEqual([12, 'twelve']);
    expect(groupValuesOfText('true, false, yes', 'boolean')).toEqual([true, false, 'yes']);
    expect(groupValuesOfText('12, true', 'enum')).toEqual(['12', 'true']);
  });

  it('shows values one per line, which read back as the same values', () => {
    expect(groupValuesText(['上海', '江苏'])).toBe('上海\n江苏');
    expect(groupValuesOfText(groupValuesText([12, 30]), 'number')).toEqual([12, 30]);
    expect(groupValuesOfText(groupValuesText([true]), 'boolean')).toEqual([true]);
  });
});
