import type { Condition } from '../../definitions/condition.schema.ts';
import { pointer } from '../validation/problem.ts';

/** Every leaf of a (validated) condition with its JSON Pointer, for checks that look at which facts it names. */
export function conditionLeaves(condition: Condition, path: string): Array<{ fact: string; operator: string; path: string }> {
  const node = condition as Record<string, unknown>;
  if (Array.isArray(node['all'])) return (node['all'] as Condition[]).flatMap((child, i) => conditionLeaves(child, pointer(path, 'all', i)));
  if (Array.isArray(node['any'])) return (node['any'] as Condition[]).flatMap((child, i) => conditionLeaves(child, pointer(path, 'any', i)));
  if (node['not'] !== undefined) return conditionLeaves(node['not'] as Condition, pointer(path, 'not'));
  return [{ fact: String(node['fact']), operator: String(node['operator']), path }];
}
