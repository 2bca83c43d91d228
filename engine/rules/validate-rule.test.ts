import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { validateRule } from './validate-rule.ts';

import { defaultRules } from '../../definitions/defaults/rules/default-rules.ts';

const defaultRuleKeys = Object.keys(defaultRules) as Array<keyof typeof defaultRules>;

function aDefaultRule(key: keyof typeof defaultRules): Record<string, any> {
  return structuredClone(defaultRules[key]) as Record<string, any>;
}

function catalogueFor(rule: Record<string, any>) {
  return defaultFactCatalogues[rule.entity as keyof typeof defaultFactCatalogues];
}

function aPotentialRecycleRule(): Record<string, any> {
  return aDefaultRule('recycle-potential-no-contact');
}

const customers = { catalogue: defaultFactCatalogues.customer };

describe('rule validation', () => {
  it.each(defaultRuleKeys)('accepts the default rule %s', (key) => {
    const rule = aDefaultRule(key);
    expect(validateRule(rule, { catalogue: catalogueFor(rule) })).toEqual([]);
  });

  it('names a condition on a fact the catalogue does not have, at the leaf', () => {
    const rule = aPotentialRecycleRule();
    rule.conditions.all[2].any[0].fact = 'daysSinceLastVisit';
    const problems = validateRule(rule, customers);
    expect(problems.map((p) => p.path)).toEqual(['/conditions/all/2/any/0/fact']);
  });

  it('names a bad effect parameter at its path, with both languages', () => {
    const rule = aPotentialRecycleRule();
    rule.effects[0].params.reason = 'tired';
    const [p, ...rest] = validateRule(rule, customers);
    expect(rest).toEqual([]);
    expect(p?.path).toBe('/effects/0/params/reason');
    expect(p?.code).toBe('schema.enum');
    expect(p?.message['zh-CN']).toContain('必须是以下之一');
  });

  it('names an unknown effect type', () => {
    const rule = aPotentialRecycleRule();
    rule.effects.push({ type: 'sendFax', params: {} });
    expect(validateRule(rule, customers)).toEqual([
      expect.objectContaining({ path: '/effects/2/type', code: 'effect.unknownType' }),
    ]);
  });

  it('refuses a rule without effects', () => {
    const rule = aPotentialRecycleRule();
    rule.effects = [];
    expect(validateRule(rule, customers)).toEqual([expect.objectContaining({ path: '/effects', code: 'schema.minItems' })]);
  });

  it('checks recycle exemptions and warning effects like the rest of the rule', () => {
    const rule = aPotentialRecycleRule();
    rule.recycle.exemptions[0].condition = { fact: 'totalDealAmount', operator: 'includesText', value: 'x' };
    rule.recycle.warningEffects = [{ type: 'notify', params: { to: [] } }];
    expect(validateRule(rule, customers).map((p) => [p.path, p.code])).toEqual([
      ['/recycle/warningEffects/0/params/title', 'schema.required'],
      ['/recycle/warningEffects/0/params/to', 'schema.minItems'],
      ['/recycle/exemptions/0/condition/operator', expect.any(String)],
    ]);
  });

  it('reports missing envelope properties as required', () => {
    const rule = aPotentialRecycleRule();
    delete rule.conditions;
    delete rule.name;
    expect(validateRule(rule, customers).map((p) => [p.path, p.code])).toEqual([
      ['/name', 'schema.required'],
      ['/conditions', 'schema.required'],
    ]);
  });

  it('prefixes every path with the rule position in a larger document', () => {
    const rule = aPotentialRecycleRule();
    rule.priority = 0;
    expect(validateRule(rule, { ...customers, path: '/rules/3' })).toEqual([
      expect.objectContaining({ path: '/rules/3/priority', code: 'schema.minimum' }),
    ]);
  });

  describe('triggers', () => {
    it('refuses a trigger with both an event and a schedule, or with neither', () => {
      const rule = aPotentialRecycleRule();
      rule.trigger.event = 'CONTACT_LOGGED';
      expect(validateRule(rule, customers)).toEqual([expect.objectContaining({ path: '/trigger', code: 'rule.triggerNeedsOne' })]);
      rule.trigger = {};
      expect(validateRule(rule, customers)).toEqual([expect.objectContaining({ path: '/trigger', code: 'rule.triggerNeedsOne' })]);
    });

    it('refuses a schedule with both cron and every', () => {
      const rule = aPotentialRecycleRule();
      rule.trigger.schedule.every = '1d';
      expect(validateRule(rule, customers)).toEqual([
        expect.objectContaining({ path: '/trigger/schedule', code: 'rule.scheduleNeedsOne' }),
      ]);
    });

    it('explains a cron field out of range', () => {
      const rule = aPotentialRecycleRule();
      rule.trigger.schedule.cron = '0 25 * * *';
      const [p] = validateRule(rule, customers);
      expect(p).toEqual({
        path: '/trigger/schedule/cron',
        code: 'rule.cronField',
        message: {
          en: 'The hour field "25" must use numbers 0–23, *, ranges, lists or steps.',
          'zh-CN': '小时字段“25”只能使用 0–23 的数字、*、范围、列表或步长。',
        },
      });
    });

    it('refuses an event name that is not in SCREAMING_SNAKE_CASE', () => {
      const rule = aDefaultRule('route-new-lead');
      rule.trigger.event = 'leadCreated';
      expect(validateRule(rule, { catalogue: defaultFactCatalogues.lead })).toEqual([
        expect.objectContaining({ path: '/trigger/event', code: 'schema.pattern' }),
      ]);
    });
  });

  describe('recycle rules', () => {
    it('must release the record to the pool', () => {
      const rule = aPotentialRecycleRule();
      rule.effects = rule.effects.filter((e: { type: string }) => e.type !== 'releaseToPool');
      expect(validateRule(rule, customers)).toEqual([
        expect.objectContaining({ path: '/effects', code: 'rule.recycleWithoutRelease' }),
      ]);
    });

    it('need warning and cool-down settings', () => {
      const rule = aPotentialRecycleRule();
      delete rule.recycle;
      expect(validateRule(rule, customers)).toEqual([
        expect.objectContaining({ path: '/recycle', code: 'rule.recycleSettingsMissing' }),
      ]);
    });

    it('run on a schedule', () => {
      const rule = aPotentialRecycleRule();
      rule.trigger = { event: 'CONTACT_LOGGED' };
      expect(validateRule(rule, customers)).toEqual([
        expect.objectContaining({ path: '/trigger', code: 'rule.recycleNeedsSchedule' }),
      ]);
    });

    it('settings are refused on rules of other kinds', () => {
      const rule = aDefaultRule('route-new-lead');
      rule.recycle = { warningDays: 1, coolDownDays: 1 };
      expect(validateRule(rule, { catalogue: defaultFactCatalogues.lead })).toEqual([
        expect.objectContaining({ path: '/recycle', code: 'rule.recycleSettingsOnOtherKind' }),
      ]);
    });
  });

  it('refuses something that is not a rule at all', () => {
    expect(validateRule('recycle', customers)).toEqual([expect.objectContaining({ path: '', code: 'schema.type' })]);
  });
});
