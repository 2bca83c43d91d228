import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import defaultQueuePolicy from '../../definitions/defaults/queue-policy.json' with { type: 'json' };
import { validateQueuePolicy } from './validate-queue-policy.ts';

const context = { catalogues: defaultFactCatalogues };

function aQueuePolicy(): Record<string, any> {
  return structuredClone(defaultQueuePolicy);
}

describe('queue policy validation', () => {
  it('accepts the default daily work line', () => {
    expect(validateQueuePolicy(defaultQueuePolicy, context)).toEqual([]);
  });

  it('lists the sections of seed 001 in their working order', () => {
    expect(defaultQueuePolicy.sections.map((s) => s.id)).toEqual([
      'ordersToFollowUp',
      'opportunitiesToPush',
      'potentialCallbacks',
      'targetsToDevelop',
      'reserveToScreen',
    ]);
  });

  it('checks a section condition against the catalogue of the section entity', () => {
    const policy = aQueuePolicy();
    policy.sections[0].condition = { fact: 'stage', operator: 'equal', value: 'potential' };
    expect(validateQueuePolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/sections/0/condition/fact' }),
    ]);
  });

  it('refuses ordering by a fact the entity does not have, and ordering twice by one fact', () => {
    const policy = aQueuePolicy();
    policy.sections[1].orderBy.push({ fact: 'dealValue', direction: 'desc' }, { fact: 'amount', direction: 'asc' });
    expect(validateQueuePolicy(policy, context).map((p) => [p.path, p.code])).toEqual([
      ['/sections/1/orderBy/2/fact', 'policy.unknownFact'],
      ['/sections/1/orderBy/3/fact', 'policy.duplicateOrdering'],
    ]);
  });

  it('refuses a due-date fact that is not a date', () => {
    const policy = aQueuePolicy();
    policy.sections[2].dueFact = 'level';
    const [p] = validateQueuePolicy(policy, context);
    expect(p).toEqual({
      path: '/sections/2/dueFact',
      code: 'policy.dueFactNotDate',
      message: {
        en: '"level" is not a date, so it cannot place items in today / tomorrow / this week.',
        'zh-CN': '“level”不是日期，无法把事项归入今天、明天、本周等时段。',
      },
    });
  });

  it('refuses a section on an entity without a fact catalogue', () => {
    const policy = aQueuePolicy();
    policy.sections[0].entity = 'contact';
    expect(validateQueuePolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/sections/0/entity', code: 'policy.noCatalogue' }),
    ]);
  });

  it('refuses two sections with one id', () => {
    const policy = aQueuePolicy();
    policy.sections[4].id = 'targetsToDevelop';
    expect(validateQueuePolicy(policy, context)).toEqual([
      expect.objectContaining({ path: '/sections/4/id', code: 'policy.duplicateId' }),
    ]);
  });

  it('reports shape errors with JSON pointers', () => {
    const policy = aQueuePolicy();
    policy.buckets = ['today', 'someday', 'today'];
    policy.sections[3].orderBy[0].direction = 'up';
    delete policy.sections[2].label;
    expect(validateQueuePolicy(policy, context).map((p) => [p.path, p.code]).sort()).toEqual([
      ['/buckets', 'schema.uniqueItems'],
      ['/buckets/1', 'schema.enum'],
      ['/sections/2/label', 'schema.required'],
      ['/sections/3/orderBy/0/direction', 'schema.enum'],
    ]);
  });
});
