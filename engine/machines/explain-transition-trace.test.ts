import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { explainTransitionTrace } from './explain-transition-trace.ts';
import { drive } from './testing/drive-machine.ts';
import { contextFor } from './testing/machine-test-context.ts';
import { transition } from './transition.ts';

const funnel = defaultMachines['opportunity-funnel'];
const catalogue = defaultFactCatalogues.opportunity;
const priced = { amount: '120000', expected_close_on: '2026-12-31', custom_fields: {} };

describe('explaining a transition trace', () => {
  it('tells in plain words why a win was refused, naming the amount it saw', () => {
    const proposal = drive(funnel, [{ event: 'ADVANCE', facts: priced }]);
    const worthless = contextFor(funnel, { facts: { ...priced, amount: '0' } });
    const { trace } = transition(funnel, proposal, { type: 'MARK_WON' }, worthless);
    const en = explainTransitionTrace(trace, catalogue, 'en');
    expect(en[0]).toBe('MARK_WON: refused in proposal');
    expect(en[1]).toMatch(/^✗ Won — role allowed \(needs rep or manager or admin, has rep\); upgrade granted to rep; required fields filled in; conditions fail: /);
    expect(en[1]).toContain('(0)');
    const zh = explainTransitionTrace(trace, catalogue, 'zh-CN');
    expect(zh[0]).toBe('MARK_WON：在 proposal 被拒绝');
    expect(zh[1]).toContain('条件不满足');
  });

  it('lists the effects of a transition that was taken', () => {
    const negotiation = drive(funnel, [{ event: 'ADVANCE', facts: priced }, { event: 'ADVANCE', facts: priced }]);
    const { trace } = transition(funnel, negotiation, { type: 'MARK_WON' }, contextFor(funnel, { facts: priced }));
    const en = explainTransitionTrace(trace, catalogue, 'en');
    expect(en[0]).toBe('MARK_WON: negotiation → won');
    expect(en.at(-1)).toBe('effects: createRecord, notify');
    expect(explainTransitionTrace(trace, catalogue, 'zh-CN').at(-1)).toBe('效果：createRecord、notify');
  });

  it('says when a transition stays in its stage, and which flags it set', () => {
    const { trace } = transition(funnel, drive(funnel, []), { type: 'PAUSE_SELLING' }, contextFor(funnel));
    expect(explainTransitionTrace(trace, catalogue, 'en')).toEqual([
      'PAUSE_SELLING: stays in qualification',
      '✓ Pause selling — role allowed (needs rep or manager or admin, has rep); flag granted to rep; flags match (needs {"selling":"selling"}, has {"selling":"selling"})',
      'effects: setFlags',
    ]);
  });
});
