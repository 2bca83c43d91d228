import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { ConditionTrace } from '../../engine/conditions/index.ts';
import { maskFieldValue } from '../../engine/fields/mask-field-value.ts';
import type { CheckOutcome, TransitionTrace } from '../../engine/machines/index.ts';
import type { RecordFieldAccess } from '../customers/record-field-access.ts';

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The record field a fact reads, as field permissions name it: a built-in fact by its name, `custom.level` by the
 * custom field's key, and a computed fact (days since the last contact) by the column it is computed from — a
 * count of days gives away the date just as well.
 */
function fieldOfFact(catalogue: FactCatalogue, factName: string): { kind: 'column' | 'custom'; key: string } | undefined {
  if (factName.startsWith('custom.')) return { kind: 'custom', key: factName.slice('custom.'.length) };
  const fact = catalogue.facts.find((candidate) => candidate.name === factName);
  if (fact === undefined) return undefined;
  const { source } = fact;
  if (source.kind === 'daysSince') return { kind: 'column', key: camelCase(source.column) };
  return { kind: 'column', key: factName };
}

function trimCondition(trace: ConditionTrace, shown: (fact: string, value: ConditionTrace & { kind: 'leaf' }) => ConditionTrace): ConditionTrace {
  switch (trace.kind) {
    case 'leaf':
      return shown(trace.fact, trace);
    case 'not':
      return { ...trace, child: trimCondition(trace.child, shown) };
    default:
      return { ...trace, children: trace.children.map((child) => trimCondition(child, shown)) };
  }
}

/**
 * The engine's trace as a reader of the audit trail sees it: every check and outcome, but a guard's fact values
 * only as the reader may see them — absent (null) for a hidden field, masked for a masked one — so the trail cannot
 * be used to read a number the record itself hides. The definition's own values (the `value` a condition compares
 * with) stay. The trail keeps the whole trace; each reader gets it trimmed for them.
 */
export function auditTrace(trace: TransitionTrace, catalogue: FactCatalogue, access: RecordFieldAccess | undefined): TransitionTrace {
  if (access === undefined) return trace;
  const shown = (factName: string, leaf: ConditionTrace & { kind: 'leaf' }): ConditionTrace => {
    const field = fieldOfFact(catalogue, factName);
    const granted = field === undefined ? undefined : (field.kind === 'custom' ? access.custom : access.columns).get(field.key);
    if (granted === undefined || granted.access === 'read' || granted.access === 'write') return leaf;
    if (granted.access === 'hidden') return { ...leaf, factValue: null };
    const masked = maskFieldValue(granted.type, leaf.factValue);
    return { ...leaf, factValue: typeof masked === 'string' ? masked : null };
  };
  const trimOutcome = (outcome: CheckOutcome): CheckOutcome =>
    outcome.check === 'guard' ? { ...outcome, trace: trimCondition(outcome.trace, shown) } : outcome;
  return {
    ...trace,
    considered: trace.considered.map((check) => ({ ...check, checks: check.checks.map(trimOutcome) })),
  };
}
