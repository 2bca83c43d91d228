import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { explainConditionTrace } from '../conditions/explain-condition-trace.ts';
import type { Locale } from '../validation/problem.ts';
import type { CheckOutcome, TransitionCheck, TransitionTrace } from './transition-trace.ts';

const words = {
  en: {
    moved: (event: string, from: string, to: string) => `${event}: ${from} → ${to}`,
    stayed: (event: string, from: string) => `${event}: stays in ${from}`,
    refused: (event: string, from: string) => `${event}: refused in ${from}`,
    role: (o: Extract<CheckOutcome, { check: 'role' }>) =>
      `role ${o.passed ? 'allowed' : 'not allowed'} ` +
      `(needs ${o.allowedRoles.join(' or ')}, has ${o.actorRoles.join(', ') || 'none'})`,
    permission: (o: Extract<CheckOutcome, { check: 'permission' }>) =>
      o.passed ? `${o.permission} granted to ${o.grantedBy}` : `no role holds ${o.permission} in ${o.stage}`,
    flags: (o: Extract<CheckOutcome, { check: 'flags' }>) =>
      `flags ${o.passed ? 'match' : 'differ'} (needs ${JSON.stringify(o.expected)}, has ${JSON.stringify(o.actual)})`,
    fields: (o: Extract<CheckOutcome, { check: 'requiredFields' }>) =>
      o.passed ? 'required fields filled in' : `missing ${o.missing.join(', ')}`,
    guard: (passed: boolean, why: string) => `conditions ${passed ? 'hold' : 'fail'}: ${why}`,
    open: 'no checks',
    effects: (types: string[]) => `effects: ${types.join(', ')}`,
  },
  'zh-CN': {
    moved: (event: string, from: string, to: string) => `${event}：${from} → ${to}`,
    stayed: (event: string, from: string) => `${event}：停留在 ${from}`,
    refused: (event: string, from: string) => `${event}：在 ${from} 被拒绝`,
    role: (o: Extract<CheckOutcome, { check: 'role' }>) =>
      `角色${o.passed ? '允许' : '不允许'}（需要 ${o.allowedRoles.join('或')}，当前 ${o.actorRoles.join('、') || '无'}）`,
    permission: (o: Extract<CheckOutcome, { check: 'permission' }>) =>
      o.passed ? `${o.grantedBy} 拥有 ${o.permission} 权限` : `在 ${o.stage} 阶段没有角色拥有 ${o.permission} 权限`,
    flags: (o: Extract<CheckOutcome, { check: 'flags' }>) =>
      `标记${o.passed ? '符合' : '不符'}（需要 ${JSON.stringify(o.expected)}，当前 ${JSON.stringify(o.actual)}）`,
    fields: (o: Extract<CheckOutcome, { check: 'requiredFields' }>) =>
      o.passed ? '必填字段已填写' : `缺少 ${o.missing.join('、')}`,
    guard: (passed: boolean, why: string) => `条件${passed ? '满足' : '不满足'}：${why}`,
    open: '无需检查',
    effects: (types: string[]) => `效果：${types.join('、')}`,
  },
} as const;

function outcomeWords(o: CheckOutcome, catalogue: FactCatalogue, locale: Locale): string {
  const w = words[locale];
  switch (o.check) {
    case 'role':
      return w.role(o);
    case 'permission':
      return w.permission(o);
    case 'flags':
      return w.flags(o);
    case 'requiredFields':
      return w.fields(o);
    case 'guard':
      return w.guard(o.passed, explainConditionTrace(o.trace, catalogue, locale));
  }
}

function checkLine(check: TransitionCheck, catalogue: FactCatalogue, locale: Locale): string {
  const parts = check.checks.map((o) => outcomeWords(o, catalogue, locale));
  const separator = locale === 'en' ? '; ' : '；';
  const seen = parts.length > 0 ? parts.join(separator) : words[locale].open;
  return `${check.allowed ? '✓' : '✗'} ${check.label[locale]} — ${seen}`;
}

/**
 * A transition trace in plain words, one line per step: the outcome, each transition considered with what its
 * checks saw (guards explained by the conditions engine), and the effects emitted. For the audit view and the
 * designer's simulator; the trace itself stays the source of truth.
 */
export function explainTransitionTrace(trace: TransitionTrace, catalogue: FactCatalogue, locale: Locale): string[] {
  const w = words[locale];
  const taken = trace.taken.length > 0;
  const headline = !taken
    ? w.refused(trace.event, trace.from)
    : trace.to === trace.from
      ? w.stayed(trace.event, trace.from)
      : w.moved(trace.event, trace.from, trace.to);
  const lines = [headline, ...trace.considered.map((check) => checkLine(check, catalogue, locale))];
  if (trace.effects.length > 0) lines.push(w.effects(trace.effects.map(({ effect }) => effect.type)));
  return lines;
}
