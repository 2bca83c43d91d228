import type { LocalizedText } from '../validation/problem.ts';
import type { LoadMeasure, RoutingCandidate } from './routing-input.ts';

export const strategyWords: Record<string, LocalizedText> = {
  roundRobin: { en: 'round-robin', 'zh-CN': '轮流分配' },
  weighted: { en: 'weighted', 'zh-CN': '按权重' },
  leastLoaded: { en: 'least loaded', 'zh-CN': '负载最低' },
  attributeMatch: { en: 'attribute match', 'zh-CN': '按属性匹配' },
};

const measureWords: Record<LoadMeasure, LocalizedText> = {
  openLeads: { en: 'open leads', 'zh-CN': '条未结线索' },
  ownedCustomers: { en: 'customers owned', 'zh-CN': '个名下客户' },
  openTickets: { en: 'open tickets', 'zh-CN': '个未结工单' },
  openOpportunities: { en: 'open opportunities', 'zh-CN': '个进行中商机' },
};

export function ruleWords(number: number, label: LocalizedText): LocalizedText {
  return { en: `rule ${number} ${label.en}`, 'zh-CN': `规则 ${number} ${label['zh-CN']}` };
}

export function joinWords(parts: readonly LocalizedText[], separator = ' → '): LocalizedText {
  return { en: parts.map((p) => p.en).join(separator), 'zh-CN': parts.map((p) => p['zh-CN']).join(separator) };
}

export function personWords(candidate: RoutingCandidate, detail?: LocalizedText): LocalizedText {
  if (detail === undefined) return { en: candidate.name, 'zh-CN': candidate.name };
  return { en: `${candidate.name} (${detail.en})`, 'zh-CN': `${candidate.name}（${detail['zh-CN']}）` };
}

export const weightWords = (weight: number): LocalizedText => ({ en: `weight ${weight}`, 'zh-CN': `权重 ${weight}` });

export const turnWords: LocalizedText = { en: 'next in turn', 'zh-CN': '轮到' };

export function loadWords(measure: LoadMeasure, load: number): LocalizedText {
  return { en: `${load} ${measureWords[measure].en}`, 'zh-CN': `${load} ${measureWords[measure]['zh-CN']}` };
}

export function valueWords(fact: string, value: unknown, group: number): LocalizedText {
  const shown = value === null || value === undefined ? '—' : JSON.stringify(value);
  return { en: `${fact} ${shown} → group ${group}`, 'zh-CN': `${fact} 为 ${shown} → 第 ${group} 组` };
}

export const conditionNotMetWords: LocalizedText = { en: 'condition not met', 'zh-CN': '条件不满足' };
export const disabledWords: LocalizedText = { en: 'disabled', 'zh-CN': '已停用' };

export function nobodyWords(reasons: { onLeave: number; offHours: number; full: number; none: boolean }): LocalizedText {
  if (reasons.none) return { en: 'no candidates', 'zh-CN': '没有候选人' };
  const en = [
    reasons.onLeave > 0 ? `${reasons.onLeave} on leave` : '',
    reasons.offHours > 0 ? `${reasons.offHours} off duty` : '',
    reasons.full > 0 ? `${reasons.full} at capacity` : '',
  ].filter(Boolean);
  const zh = [
    reasons.onLeave > 0 ? `${reasons.onLeave} 人休假` : '',
    reasons.offHours > 0 ? `${reasons.offHours} 人不在班` : '',
    reasons.full > 0 ? `${reasons.full} 人已满额` : '',
  ].filter(Boolean);
  return { en: `nobody available (${en.join(', ')})`, 'zh-CN': `无人可分配（${zh.join('，')}）` };
}

export const poolWords = (viaFallback: boolean): LocalizedText =>
  viaFallback ? { en: 'fallback → pool', 'zh-CN': '兜底 → 公海' } : { en: 'pool', 'zh-CN': '公海' };

export const noRuleWords: LocalizedText = { en: 'no rule placed it', 'zh-CN': '没有规则完成分配' };
export const fallbackUserWords: LocalizedText = { en: 'fallback', 'zh-CN': '兜底' };
