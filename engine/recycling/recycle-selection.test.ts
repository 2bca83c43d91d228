import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultRules } from '../../definitions/defaults/rules/default-rules.ts';
import { compileRecycleDueIn, compileRecycleSelection } from './recycle-selection.ts';
import { recycleReasonWords } from './recycle-reason.ts';

const catalogue = defaultFactCatalogues.customer;
const rule = defaultRules['recycle-potential-no-contact'];
const context = { now: Date.parse('2026-03-10T01:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('recycle selection', () => {
  it('compiles the rule’s conditions and the negation of its exemptions, numbering parameters after the statement’s own', () => {
    const fragment = compileRecycleSelection(rule, catalogue, { context, tableAlias: 'c', firstParam: 4 });
    expect(fragment.sql).toMatch(/^\(.*\(not /s);
    expect(fragment.sql).toContain('$4::');
    expect(fragment.sql).not.toMatch(/\$[123]::/);
    expect(fragment.params).toContain('potential');
    expect(fragment.params).toContain('personal');
  });

  it('judges each warning day with the clock moved that many days ahead, and nothing for a rule without warning days', () => {
    const dueIn = compileRecycleDueIn(rule, catalogue, { context, tableAlias: 'c', firstParam: 1 })!;
    expect(dueIn.sql.match(/ then \d+/g)).toEqual([' then 1', ' then 2', ' then 3']);
    const nows = dueIn.params.filter((value) => typeof value === 'string' && value.endsWith('Z'));
    expect(nows).toEqual(['2026-03-11T01:00:00.000Z', '2026-03-12T01:00:00.000Z', '2026-03-13T01:00:00.000Z']);
    const silent = { ...rule, recycle: { warningDays: 0, coolDownDays: 7 } };
    expect(compileRecycleDueIn(silent, catalogue, { context, tableAlias: 'c', firstParam: 1 })).toBeNull();
  });
});

describe('recycle reason words', () => {
  it('names the rule, its conditions and the exemptions that did not apply, in both languages', () => {
    const words = recycleReasonWords(rule, catalogue);
    expect(words.en).toBe(
      'Returned to the public pool by the rule “Recycle potential customers after 15 days without a contact record”: stage is ' +
        'Potential customer and ownership is personal and (time since the last contact ≥ 15 days or (last contact is empty and ' +
        'time since creation ≥ 15 days)); not exempt (Customers with a deal).',
    );
    expect(words['zh-CN']).toContain('按规则“潜在客户15 天无联系记录自动回收”回收到公海：阶段为潜在客户');
    expect(words['zh-CN']).toMatch(/；不属于例外（已成交客户）。$/);
  });
});
