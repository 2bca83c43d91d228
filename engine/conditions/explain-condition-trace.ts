import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Locale } from '../validation/problem.ts';
import { factByName } from './catalogue-facts.ts';
import { alwaysWords, bracketed, groupWords, leafWords, negatedOperator, valueWords } from './condition-words.ts';
import type { ConditionTrace } from './evaluate-condition-with-trace.ts';

/**
 * Why a condition came out as it did, in plain words, naming only the parts that decided it: for a group that held,
 * the children that made it hold; for one that failed, the children that made it fail. A failed leaf is worded as
 * its opposite ("stage is not potential"), so a `not` needs no words of its own. The value seen follows in brackets
 * where it adds something: "stage is potential AND time since the last contact ≥ 15 days (16 days)".
 */
export function explainConditionTrace(trace: ConditionTrace, catalogue: FactCatalogue, locale: Locale): string {
  return explainNode(trace, catalogue, locale, true);
}

function explainNode(trace: ConditionTrace, catalogue: FactCatalogue, locale: Locale, top: boolean): string {
  switch (trace.kind) {
    case 'leaf':
      return explainLeaf(trace, catalogue, locale);
    case 'not':
      return explainNode(trace.child, catalogue, locale, top);
    case 'all':
    case 'any': {
      if (trace.children.length === 0) return alwaysWords(locale);
      // all held / any failed: every child decided; all failed / any held: the children with the group's outcome.
      const everyChildDecides = (trace.kind === 'all') === trace.result;
      const deciding = everyChildDecides ? trace.children : trace.children.filter((c) => c.result === trace.result);
      const parts = deciding.map((child) => explainNode(child, catalogue, locale, false));
      const joiner = trace.result ? trace.kind : 'all';
      const words = groupWords(joiner, parts, locale, true);
      return top || parts.length === 1 ? words : bracketed(words, locale);
    }
  }
}

function explainLeaf(trace: Extract<ConditionTrace, { kind: 'leaf' }>, catalogue: FactCatalogue, locale: Locale): string {
  const fact = factByName(catalogue, trace.fact);
  if (fact === undefined) return `${trace.fact} ${trace.operator} ${JSON.stringify(trace.value ?? null)}`;
  const operator = trace.result ? trace.operator : negatedOperator[trace.operator];
  const words = leafWords(fact, operator, trace.value, locale);
  const obvious = operator === 'equal' || operator === 'isEmpty' || (operator === 'isNotEmpty' && fact.type !== 'string');
  if (obvious) return words;
  const seen = valueWords(fact, trace.factValue, locale);
  return locale === 'en' ? `${words} (${seen})` : `${words}（实际：${seen}）`;
}
