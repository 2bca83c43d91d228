import type { ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { problemSlug } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { problemsByField, type FormProblems } from '../api/field-problems.ts';
import type { Translate } from '../i18n/translate.ts';

export const loginFields = ['login', 'password'] as const;
export type LoginField = (typeof loginFields)[number];

/**
 * What a failed sign-in says, by field. The API's one answer for a wrong login or password names no field (so
 * neither can be told apart); it goes by the password, the field a person retypes.
 */
export function loginProblems(failure: ApiFailure, t: Translate): FormProblems<LoginField> {
  if (failure.kind !== 'problem') return { byField: {}, general: [failureMessage(failure, t)] };
  const detailField = problemSlug(failure.problem) === 'invalid-credentials' ? 'password' : undefined;
  return problemsByField(failure.problem, loginFields, detailField);
}
