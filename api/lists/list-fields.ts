import type { FactCatalogue, FactType } from '../../definitions/fact-catalogue.schema.ts';
import type { ConditionOperator } from '../../definitions/condition.schema.ts';
import type { LocalizedLabel } from '../../definitions/localized-text.schema.ts';
import { operatorsByFactType, valueShapeOfOperator, type ValueShape } from '../../engine/conditions/fact-operators.ts';
import { isSortableFact } from '../../engine/lists/list-sort.ts';
import type { RecordFieldAccess } from '../customers/record-field-access.ts';
import { accessOfFact } from './list-field-permissions.ts';

/** One fact a list's filter builder may offer the caller, with exactly what the list would accept of it. */
export interface ListField {
  name: string;
  type: FactType;
  label: LocalizedLabel;
  unit?: LocalizedLabel;
  options?: Array<{ value: string; label: LocalizedLabel }>;
  operators: ConditionOperator[];
  /** What each of its operators takes as `value`, so a filter builder needs no table of its own. */
  valueShapes: Partial<Record<ConditionOperator, ValueShape>>;
  sortable: boolean;
  access: 'write' | 'read' | 'masked';
}

const emptiness: readonly ConditionOperator[] = ['isEmpty', 'isNotEmpty'];

/**
 * The list catalogue as the role may use it: hidden facts are left out, masked ones offer only empty / not empty
 * and no sort — the same rules `listFieldProblems` enforces on a request, so nothing offered here is refused there.
 */
export function listFieldsOf(catalogue: FactCatalogue, access: RecordFieldAccess): ListField[] {
  return catalogue.facts.flatMap((fact) => {
    const level = accessOfFact(fact, access);
    if (level === 'hidden') return [];
    const masked = level === 'masked';
    const operators = masked ? [...emptiness] : [...operatorsByFactType[fact.type]];
    return [
      {
        name: fact.name,
        type: fact.type,
        label: fact.label,
        ...(fact.unit === undefined ? {} : { unit: fact.unit }),
        ...(fact.options === undefined ? {} : { options: fact.options }),
        operators,
        valueShapes: Object.fromEntries(operators.map((operator) => [operator, valueShapeOfOperator[operator]])),
        sortable: !masked && isSortableFact(fact),
        access: level,
      },
    ];
  });
}
