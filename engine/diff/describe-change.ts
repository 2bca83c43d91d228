import type { LocalizedText } from '../validation/problem.ts';
import type { TransitionRef } from './definition-change.ts';

export function labelOf(state: Record<string, unknown> | undefined): LocalizedText | null {
  const label = state?.label as Partial<LocalizedText> | undefined;
  return label?.en !== undefined && label['zh-CN'] !== undefined ? { en: label.en, 'zh-CN': label['zh-CN'] } : null;
}

/** `"Potential" (potential)` / `“潜在客户”（potential）`: the label a user knows and the id the definition uses. */
export function describeState(id: string, state: Record<string, unknown> | undefined): { en: string; zh: string } {
  const label = labelOf(state);
  return label === null
    ? { en: `"${id}"`, zh: `“${id}”` }
    : { en: `"${label.en}" (${id})`, zh: `“${label['zh-CN']}”（${id}）` };
}

function describeTrigger(trigger: string): { en: string; zh: string } {
  if (trigger === 'always') return { en: 'automatically', zh: '自动' };
  const [kind, value] = trigger.split(':') as [string, string];
  return kind === 'after' ? { en: `after ${value}`, zh: `${value} 后` } : { en: `on ${value}`, zh: `事件 ${value}` };
}

/** `from "Target" on UPGRADE to "Potential"` / `“目标客户” 事件 UPGRADE → “潜在客户”`. */
export function describeTransition(
  ref: TransitionRef,
  label: (id: string | null) => LocalizedText | null,
): { en: string; zh: string } {
  const name = (id: string | null, locale: 'en' | 'zh-CN') => {
    if (id === null) return locale === 'en' ? 'the same state' : '原阶段';
    const l = label(id);
    return locale === 'en' ? `"${l?.en ?? id}"` : `“${l?.['zh-CN'] ?? id}”`;
  };
  const trigger = describeTrigger(ref.trigger);
  return {
    en: `from ${name(ref.source, 'en')} ${trigger.en} to ${name(ref.target, 'en')}`,
    zh: `${name(ref.source, 'zh-CN')} ${trigger.zh} → ${name(ref.target, 'zh-CN')}`,
  };
}
