import type { ConditionOperator } from '../../definitions/condition.schema.ts';
import type { FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { Locale } from '../validation/problem.ts';

/** The plain words of one leaf in en and zh-CN, shared by describeCondition and the trace explanations. */
export type WordedOperator = ConditionOperator | 'notBetween';

type Phrase = (label: string, values: string[]) => string;

const list = (values: string[], locale: Locale) => values.join(locale === 'en' ? ', ' : '、');

const english: Record<WordedOperator, Phrase> = {
  equal: (l, [v]) => `${l} is ${v}`,
  notEqual: (l, [v]) => `${l} is not ${v}`,
  lessThan: (l, [v]) => `${l} < ${v}`,
  lessThanInclusive: (l, [v]) => `${l} ≤ ${v}`,
  greaterThan: (l, [v]) => `${l} > ${v}`,
  greaterThanInclusive: (l, [v]) => `${l} ≥ ${v}`,
  between: (l, [low, high]) => `${l} is between ${low} and ${high}`,
  notBetween: (l, [low, high]) => `${l} is not between ${low} and ${high}`,
  in: (l, vs) => `${l} is one of ${list(vs, 'en')}`,
  notIn: (l, vs) => `${l} is none of ${list(vs, 'en')}`,
  includesText: (l, [v]) => `${l} contains ${v}`,
  excludesText: (l, [v]) => `${l} does not contain ${v}`,
  isEmpty: (l) => `${l} is empty`,
  isNotEmpty: (l) => `${l} is not empty`,
};

const chinese: Record<WordedOperator, Phrase> = {
  equal: (l, [v]) => `${l}为${v}`,
  notEqual: (l, [v]) => `${l}不为${v}`,
  lessThan: (l, [v]) => `${l} < ${v}`,
  lessThanInclusive: (l, [v]) => `${l} ≤ ${v}`,
  greaterThan: (l, [v]) => `${l} > ${v}`,
  greaterThanInclusive: (l, [v]) => `${l} ≥ ${v}`,
  between: (l, [low, high]) => `${l}介于 ${low} 与 ${high} 之间`,
  notBetween: (l, [low, high]) => `${l}不在 ${low} 与 ${high} 之间`,
  in: (l, vs) => `${l}属于${list(vs, 'zh-CN')}`,
  notIn: (l, vs) => `${l}不属于${list(vs, 'zh-CN')}`,
  includesText: (l, [v]) => `${l}包含${v}`,
  excludesText: (l, [v]) => `${l}不包含${v}`,
  isEmpty: (l) => `${l}为空`,
  isNotEmpty: (l) => `${l}不为空`,
};

/** The operator that holds exactly when this one fails, for saying why a leaf did not hold. */
export const negatedOperator: Record<ConditionOperator, WordedOperator> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  greaterThanInclusive: 'lessThan',
  between: 'notBetween',
  in: 'notIn',
  notIn: 'in',
  includesText: 'excludesText',
  excludesText: 'includesText',
  isEmpty: 'isNotEmpty',
  isNotEmpty: 'isEmpty',
};

/** A value as a reader sees it: an option's label, quoted text, a number with the fact's unit, yes/no. */
export function valueWords(fact: FactDefinition, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return locale === 'en' ? 'empty' : '空';
  if (fact.type === 'enum') {
    const option = fact.options?.find((o) => o.value === value);
    return option === undefined ? String(value) : option.label[locale];
  }
  if (typeof value === 'boolean') return locale === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (typeof value === 'string') return fact.type === 'string' ? (locale === 'en' ? `"${value}"` : `“${value}”`) : value;
  const unit = fact.unit?.[locale];
  return unit === undefined ? String(value) : `${value} ${unit}`;
}

export function leafWords(
  fact: FactDefinition,
  operator: WordedOperator,
  value: unknown,
  locale: Locale,
): string {
  const values = (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((v) =>
    valueWords(fact, v, locale),
  );
  return (locale === 'en' ? english : chinese)[operator](fact.label[locale], values);
}

/** Joins the words of a group; nested groups are bracketed so "a and (b or c)" keeps its meaning. */
export function groupWords(kind: 'all' | 'any', parts: string[], locale: Locale, emphasised = false): string {
  const word = kind === 'all' ? (locale === 'en' ? 'and' : '且') : locale === 'en' ? 'or' : '或';
  return parts.join(` ${emphasised && locale === 'en' ? word.toUpperCase() : word} `);
}

export function bracketed(words: string, locale: Locale): string {
  return locale === 'en' ? `(${words})` : `（${words}）`;
}

export function notWords(words: string, locale: Locale): string {
  return locale === 'en' ? `not (${words})` : `并非（${words}）`;
}

export function alwaysWords(locale: Locale): string {
  return locale === 'en' ? 'always' : '始终成立';
}
