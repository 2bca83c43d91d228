import type { ApiFailure, ProblemDocument } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage, type FailureMessageKey } from '../../../ui-kit/api/failure-message.ts';
import type { Translate } from '../../../ui-kit/i18n/translate.ts';

export interface FormProblems<Field extends string> {
  /** Messages to show next to each field, from the problem's `errors` whose JSON path names that field. */
  byField: Partial<Record<Field, string[]>>;
  /** What belongs to no one field: the problem's detail when no entry named a field, and entries for other paths. */
  general: string[];
}

/**
 * Sorts a problem's messages onto a form's fields. An entry counts for a field when its path is the field's
 * pointer (`/login`) or lies inside it (`/address/city` → `address`). A problem with no entries is about the whole
 * request; `detailField` puts its detail by one field where the form knows which one it concerns.
 */
export function problemsByField<Field extends string>(
  problem: ProblemDocument,
  fields: readonly Field[],
  detailField?: Field,
): FormProblems<Field> {
  const byField: Partial<Record<Field, string[]>> = {};
  const general: string[] = [];
  const entries = problem.errors ?? [];
  for (const entry of entries) {
    const field = fields.find((name) => entry.path === `/${name}` || entry.path.startsWith(`/${name}/`));
    if (field === undefined) general.push(entry.message);
    else (byField[field] ??= []).push(entry.message);
  }
  if (entries.length === 0) {
    if (detailField !== undefined) byField[detailField] = [problem.detail];
    else general.push(problem.detail);
  }
  return { byField, general };
}

/** A failed request's messages on a form: a problem's sorted onto its fields, anything else as one general sentence. */
export function problemsOfFailure<Field extends string>(failure: ApiFailure, fields: readonly Field[], t: Translate<FailureMessageKey>): FormProblems<Field> {
  return failure.kind === 'problem' ? problemsByField(failure.problem, fields) : { byField: {}, general: [failureMessage(failure, t)] };
}
