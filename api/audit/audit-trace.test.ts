import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { TransitionTrace } from '../../engine/machines/index.ts';
import type { RecordFieldAccess } from '../customers/record-field-access.ts';
import { auditTrace } from './audit-trace.ts';

function traceWithGuardOn(...leaves: Array<{ fact: string; factValue: string | number | null }>): TransitionTrace {
  return {
    machine: 'customer-lifecycle',
    version: 1,
    event: 'UPGRADE',
    from: 'potential',
    to: 'opportunity',
    flagsBefore: {},
    flagsAfter: {},
    taken: ['/states/potential/on/UPGRADE'],
    effects: [],
    considered: [
      {
        transition: '/states/potential/on/UPGRADE',
        kind: 'event',
        event: 'UPGRADE',
        source: 'potential',
        target: 'opportunity',
        label: { en: 'Upgrade', 'zh-CN': '上转' },
        allowed: true,
        checks: [
          {
            check: 'guard',
            passed: true,
            condition: { all: [] },
            trace: {
              kind: 'all',
              result: true,
              children: leaves.map((leaf) => ({ kind: 'leaf', operator: 'isNotEmpty', result: true, ...leaf })),
            },
          },
        ],
      },
    ],
  } as TransitionTrace;
}

const access: RecordFieldAccess = {
  columns: new Map([
    ['phone', { access: 'masked', type: 'phone' }],
    ['lastContactAt', { access: 'hidden', type: 'date' }],
    ['name', { access: 'write', type: 'text' }],
  ]),
  custom: new Map([['level', { access: 'hidden', type: 'dropdown' }]]),
};

describe('the trace an audit entry keeps', () => {
  it('masks a masked field’s value, drops a hidden one’s (custom and computed from it alike) and keeps the rest', () => {
    const trimmed = auditTrace(
      traceWithGuardOn(
        { fact: 'phone', factValue: '13812345678' },
        { fact: 'custom.level', factValue: 'A' },
        { fact: 'daysSinceLastContact', factValue: 12 },
        { fact: 'name', factValue: '上海测试' },
      ),
      defaultFactCatalogues.customer,
      access,
    );
    const guard = trimmed.considered[0]!.checks[0]!;
    expect(guard.check === 'guard' && guard.trace.kind === 'all' && guard.trace.children.map((leaf) => (leaf.kind === 'leaf' ? leaf.factValue : undefined))).toEqual([
      '138****5678',
      null,
      null,
      '上海测试',
    ]);
  });

  it('keeps the whole trace for the system, which sees everything', () => {
    const trace = traceWithGuardOn({ fact: 'phone', factValue: '13812345678' });
    expect(auditTrace(trace, defaultFactCatalogues.customer, undefined)).toBe(trace);
  });
});
